import { describe, expect, it } from "vitest";
import { z } from "zod";
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

describe("readClaims: each claim's shape", () => {
  // The rules were a zod schema; they are plain code now (a login reads them every time). The
  // schema stays here as the oracle: for every value tried, both name the same first broken claim.
  const integer = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
  const oracle = z.object({
    email: z.string().max(254).pipe(z.email()),
    email_verified: z.boolean(),
    name: z.string().max(100).optional(),
    jti: z.string().min(1).max(255).optional(),
    aud: z.union([z.string().min(1).max(255), z.array(z.string().min(1).max(255)).min(1).max(10)]).optional(),
    not_before: integer.optional(),
    not_after: integer.optional(),
    nbf: integer.optional(),
    iat: integer.optional(),
    exp: integer.optional(),
  });
  const email = (local: number) => `${"a".repeat(local)}@example.com`;
  const values: unknown[] = [
    true, false, 0, -0, -1, 1.5, NOW, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, "1700000000000",
    "", "x", "x".repeat(100), "x".repeat(101), "x".repeat(255), "x".repeat(256),
    "ada@example.com", "Ada.Lovelace+help@Example.CO.uk", email(242), email(243), "ada@example", "ada@@example.com", ".ada@example.com", "ada@-example.com", "ada@exa mple.com",
    [], ["addon_1"], [""], [1], ["addon_1", "x".repeat(256)], Array.from({ length: 10 }, (_, i) => `a${i}`), Array.from({ length: 11 }, (_, i) => `a${i}`),
    {}, { email: "ada@example.com" },
  ];
  const fields = Object.keys(oracle.shape);

  /** The claim the oracle names first, or null: it accepts the payload's shape. */
  const expected = (payload: Record<string, unknown>) => {
    const parsed = oracle.safeParse(payload);
    return parsed.success ? null : String(parsed.error.issues[0]?.path[0]);
  };
  /** The claim readClaims names as invalid, or null: it passed the shape (and may refuse on later grounds). */
  const actual = (payload: Record<string, unknown>) => {
    try {
      readClaims(payload);
      return null;
    } catch (error) {
      if (!(error instanceof AsapError)) throw error;
      // The shape's refusals say what the claim must be; later ones (seconds for milliseconds) say more.
      return error.code === "CLAIM_INVALID" ? (/^(\S+) must be /.exec(error.hint)?.[1] ?? null) : null;
    }
  };

  it.each(fields)("%s: the same verdict as the schema for every value tried", (field) => {
    for (const value of values) {
      const payload = claims({ [field]: value });
      expect({ value, claim: actual(payload) }).toEqual({ value, claim: expected(payload) });
    }
  });

  it("names the first broken claim in the schema's order when several are", () => {
    for (const [first, second] of fields.flatMap((a, i) => fields.slice(i + 1).map((b) => [a, b] as const))) {
      const payload = claims({ [first]: [1], [second]: [1] });
      expect(actual(payload)).toBe(expected(payload));
      expect(actual(payload)).toBe(first);
    }
  });
});
