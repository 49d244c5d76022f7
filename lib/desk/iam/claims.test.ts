import { describe, expect, it } from "vitest";
import { readClaims } from "./claims";
import { AsapError } from "./errors";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const claims = (extra: Record<string, unknown>) => ({ email: "ada@example.com", email_verified: true, not_before: NOW, not_after: NOW + 300_000, ...extra });

function refusal(payload: unknown): AsapError {
  try {
    readClaims(payload);
  } catch (error) {
    if (error instanceof AsapError) return error;
    throw error;
  }
  throw new Error("readClaims accepted the payload");
}

describe("readClaims: well-formed Unicode", () => {
  // JSON escapes ("\ud800") let a token carry half a surrogate pair, which no database column can hold.
  it.each([
    ["name", { name: "Ada \ud800" }],
    ["jti", { jti: "\udc00-1" }],
    ["email", { email: "ada\ud800@example.com" }],
    ["team", { team: { names: ["ok", "\ud83d"] } }],
  ])("refuses an ill-formed %s claim with VALIDATION_FAILED, naming it", (claim, extra) => {
    const error = refusal(claims(extra));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain(claim);
    expect(error.message.isWellFormed() && error.hint.isWellFormed()).toBe(true);
    expect(error.hint).toMatch(/well-formed|surrogate/i);
  });

  it("refuses an ill-formed claim name without echoing it", () => {
    const error = refusal(claims({ ["x\udfff"]: 1 }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message.isWellFormed()).toBe(true);
  });

  it("accepts names with emoji and other astral characters", () => {
    expect(readClaims(claims({ name: "Ada 😀 𝄞", jti: "j-😀" }))).toMatchObject({ name: "Ada 😀 𝄞", jti: "j-😀" });
  });
});
