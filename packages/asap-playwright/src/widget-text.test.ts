import { describe, expect, it } from "vitest";
import { LAUNCHER_NAME, readErrorCode, readWhoLine, signedInLine } from "./widget-text.js";

describe("readWhoLine", () => {
  it("reads who is signed in, the email being the last parenthesised part", () => {
    expect(readWhoLine("Signed in as Ada (Countess) Lovelace (ada@example.com)")).toEqual({ kind: "signed-in", name: "Ada (Countess) Lovelace", email: "ada@example.com" });
  });

  it("tells a guest, a login under way and anything else apart", () => {
    expect(readWhoLine(" Browsing as a guest ")).toEqual({ kind: "guest" });
    expect(readWhoLine("Signing you in…")).toEqual({ kind: "signing-in" });
    expect(readWhoLine("")).toEqual({ kind: "unknown", text: "" });
  });
});

describe("signedInLine", () => {
  it("is the exact line when a name is given", () => {
    expect(signedInLine("ada@example.com", "Ada")).toBe("Signed in as Ada (ada@example.com)");
  });

  it("matches any name for the email, and only that email", () => {
    const line = signedInLine("a.b+c@example.com") as RegExp;
    expect(line.test("Signed in as Anyone (a.b+c@example.com)")).toBe(true);
    expect(line.test("Signed in as Anyone (aXb+c@example.com)")).toBe(false);
    expect(line.test("Signed in as Anyone (a.b+c@example.com.evil)")).toBe(false);
  });
});

describe("readErrorCode", () => {
  it("reads the code under the widget's login error", () => {
    expect(readErrorCode("We could not sign you in to help The key was revoked. Error code: KEY_REVOKED")).toBe("KEY_REVOKED");
    expect(readErrorCode("Something else")).toBeNull();
  });
});

describe("LAUNCHER_NAME", () => {
  it("names the launcher closed and open, and nothing else called Help", () => {
    expect(["Help", "Close help", "? Help", "× Close help"].every((name) => LAUNCHER_NAME.test(name))).toBe(true);
    expect(["Help center", "Get help", "Close help now"].some((name) => LAUNCHER_NAME.test(name))).toBe(false);
  });
});
