import { describe, expect, it } from "vitest";
import { credentialFor } from "./desk-api";

describe("the credential the page hands over", () => {
  it("goes as a legacy user token when it is one opaque segment", () => {
    expect(credentialFor("u".repeat(43))).toEqual({ userToken: "u".repeat(43) });
  });

  it("goes as a JWT otherwise, so a stale flow hears FLOW_NOT_ENABLED rather than TOKEN_MALFORMED", () => {
    expect(credentialFor("eyJh.eyJz.c2ln")).toEqual({ token: "eyJh.eyJz.c2ln" });
    expect(credentialFor("short")).toEqual({ token: "short" });
  });
});
