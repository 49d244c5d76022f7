import { describe, expect, it } from "vitest";
import { readErrorBody } from "./error-body";

describe("readErrorBody", () => {
  it("reads a contract body, and a body without a hint as an empty hint", () => {
    expect(readErrorBody({ error: { code: "NOT_FOUND", message: "No.", hint: "Look." } })).toEqual({ code: "NOT_FOUND", message: "No.", hint: "Look." });
    expect(readErrorBody({ error: { code: "SOMETHING_NEWER", message: "No." } })).toEqual({ code: "SOMETHING_NEWER", message: "No.", hint: "" });
  });

  it.each([null, "text", { error: "x" }, { error: { code: "", message: "m" } }, { error: { code: "X_Y" } }, { message: "no error" }])("is null for %j", (body) => {
    expect(readErrorBody(body)).toBeNull();
  });
});
