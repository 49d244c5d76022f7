import { createHmac, randomBytes } from "node:crypto";
import { SignJWT, base64url } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { isKeyLive } from "@/lib/contract/key-liveness";
import { importHmacKey, type KeyRing, type RingKey } from "@/lib/desk/keys/key-ring";
import { AsapError, type AsapErrorCode } from "./errors";
import { verifyAsapToken, type CheckOutcome, type VerifyOptions } from "./verify-token";
import { MAX_CLOCK_SKEW_SECONDS } from "./limits";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const SECRET = randomBytes(32).toString("base64url");
const OTHER_SECRET = randomBytes(32).toString("base64url");

type KeySpec = { kid: string; secret: string; revokedAt?: Date; expiresAt?: Date };

function ring(specs: KeySpec[]): KeyRing {
  const toKey = (spec: KeySpec): RingKey => ({
    id: `id-${spec.kid}`,
    kid: spec.kid,
    algorithm: "HS256",
    source: "generated",
    revokedAt: spec.revokedAt ?? null,
    expiresAt: spec.expiresAt ?? null,
    cryptoKey: () => importHmacKey(spec.secret),
  });
  return {
    async find(kid) {
      const spec = specs.find((s) => s.kid === kid);
      return spec ? toKey(spec) : null;
    },
    async live(now) {
      return specs.map(toKey).filter((key) => isKeyLive(key, now));
    },
  };
}

const goodClaims = () => ({
  email: "Ada@Example.com",
  email_verified: true,
  name: "Ada Lovelace",
  not_before: NOW - 1_000,
  not_after: NOW + 299_000,
  jti: crypto.randomUUID(),
});

async function sign(claims: Record<string, unknown>, { secret = SECRET, kid = "k1" as string | undefined, alg = "HS256" } = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: "JWT", ...(kid ? { kid } : {}) }).sign(new TextEncoder().encode(secret));
}

/** A token with any header and payload, HMAC-signed by hand: for headers jose would refuse to produce. */
function craft(header: Record<string, unknown>, payload: Record<string, unknown> | string, secret = SECRET) {
  const encode = (value: unknown) => base64url.encode(typeof value === "string" ? value : JSON.stringify(value));
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${createHmac("sha256", secret).update(signingInput).digest("base64url")}`;
}

let used: Set<string>;
let options: VerifyOptions;
beforeEach(() => {
  used = new Set();
  options = {
    keys: ring([{ kid: "k1", secret: SECRET }]),
    now: NOW,
    clockSkewSeconds: 60,
    replay: async (jti) => (used.has(jti) ? "replayed" : (used.add(jti), "fresh")),
  };
});

async function refusal(token: string, opts: Partial<VerifyOptions> = {}): Promise<AsapError> {
  try {
    await verifyAsapToken(token, { ...options, ...opts });
  } catch (error) {
    if (error instanceof AsapError) return error;
    throw error;
  }
  throw new Error("expected the token to be refused");
}

async function expectCode(token: string, code: AsapErrorCode, opts: Partial<VerifyOptions> = {}) {
  const error = await refusal(token, opts);
  expect(error.code).toBe(code);
  expect(error.message).not.toContain(SECRET);
  expect(error.hint.length).toBeGreaterThan(10);
  return error;
}

describe("verifyAsapToken: the good path", () => {
  it("accepts a well-formed token and returns typed, normalised claims", async () => {
    const claims = goodClaims();
    const result = await verifyAsapToken(await sign(claims), options);
    expect(result).toEqual({
      kid: "k1",
      keyId: "id-k1",
      key: "HS256 key k1",
      claims: { email: "ada@example.com", name: "Ada Lovelace", jti: claims.jti, notBefore: claims.not_before, notAfter: claims.not_after },
    });
  });

  it("accepts the old key during a rotation's overlap, by kid and without one", async () => {
    options.keys = ring([
      { kid: "k2", secret: OTHER_SECRET },
      { kid: "k1", secret: SECRET, expiresAt: new Date(NOW + 60_000) },
    ]);
    expect((await verifyAsapToken(await sign(goodClaims(), { kid: "k1" }), options)).kid).toBe("k1");
    expect((await verifyAsapToken(await sign(goodClaims(), { kid: undefined }), options)).kid).toBe("k1");
    expect((await verifyAsapToken(await sign(goodClaims(), { kid: "k2", secret: OTHER_SECRET }), options)).kid).toBe("k2");
  });

  it("accepts the vendor's aliases: nbf and iat in seconds, exp in milliseconds", async () => {
    const { not_before, not_after, ...rest } = goodClaims();
    const viaNbf = await verifyAsapToken(await sign({ ...rest, nbf: Math.floor(not_before / 1000), exp: not_after }), options);
    expect(viaNbf.claims.notBefore).toBe(Math.floor(not_before / 1000) * 1000);
    expect(viaNbf.claims.notAfter).toBe(not_after);
    const viaIat = await verifyAsapToken(await sign({ ...rest, jti: "iat-alias", iat: Math.floor(NOW / 1000), not_after }), options);
    expect(viaIat.claims.notBefore).toBe(Math.floor(NOW / 1000) * 1000);
  });

  it("accepts a token without jti (recommended, not required) and says so in the trace", async () => {
    const { jti: _jti, ...claims } = goodClaims();
    const trace: CheckOutcome[] = [];
    await verifyAsapToken(await sign(claims), options, trace);
    expect(trace.at(-1)).toEqual({ check: "replay", passed: true, detail: expect.stringContaining("no jti") });
  });

  it("reads claims into a fresh object: a __proto__ claim pollutes nothing", async () => {
    const token = craft({ alg: "HS256", kid: "k1" }, `{"__proto__":{"polluted":true},${JSON.stringify(goodClaims()).slice(1)}`);
    const { claims } = await verifyAsapToken(token, options);
    expect(Object.keys(claims).sort()).toEqual(["email", "jti", "name", "notAfter", "notBefore"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
  });

  it("traces every check in order", async () => {
    const trace: CheckOutcome[] = [];
    await verifyAsapToken(await sign(goodClaims()), options, trace);
    expect(trace.map((t) => t.check)).toEqual(["size", "format", "header", "key", "signature", "claims", "validity window", "clock", "replay"]);
    expect(trace.every((t) => t.passed)).toBe(true);
  });
});

describe("verifyAsapToken: size and format", () => {
  it("refuses a token over 8 KiB before parsing it (TOKEN_TOO_LARGE)", async () => {
    const token = await sign({ ...goodClaims(), name: undefined, pad: "x".repeat(8 * 1024) });
    await expectCode(token, "TOKEN_TOO_LARGE");
  });

  it.each([
    ["two segments", (t: string) => t.split(".").slice(0, 2).join(".")],
    ["base64 padding", (t: string) => `${t}=`],
    ["surrounding white space", (t: string) => ` ${t}\n`],
    ["a Bearer prefix", (t: string) => `Bearer ${t}`],
    ["a standard-base64 character", (t: string) => `${t.slice(0, 8)}+${t.slice(8)}`],
    ["an empty string", () => ""],
  ])("refuses %s (TOKEN_MALFORMED)", async (_, mangle) => {
    await expectCode(mangle(await sign(goodClaims())), "TOKEN_MALFORMED");
  });

  it("refuses a header that is not JSON, a typ other than JWT, and a payload that is not JSON", async () => {
    await expectCode(`${base64url.encode("not json")}.${base64url.encode("{}")}.c2ln`, "TOKEN_MALFORMED");
    for (const notAnObject of ["[]", "42", "null", '"HS256"']) await expectCode(`${base64url.encode(notAnObject)}.${base64url.encode("{}")}.c2ln`, "TOKEN_MALFORMED");
    // As jose decodes a header, refused at the header check: no invalid UTF-8, no base64 of a length 4n+1.
    const header = base64url.encode(JSON.stringify({ alg: "HS256", kid: "k1" }));
    for (const bad of [Buffer.from('{"alg":"HS256","kid":"k1","x":"\xff"}', "latin1").toString("base64url"), `${header}${"A".repeat((5 - (header.length % 4)) % 4 || 1)}`]) {
      const trace: CheckOutcome[] = [];
      await expect(verifyAsapToken(`${bad}.${base64url.encode("{}")}.c2ln`, options, trace)).rejects.toMatchObject({ code: "TOKEN_MALFORMED" });
      expect(trace.at(-1), bad).toMatchObject({ check: "header", passed: false });
    }
    await expectCode(craft({ alg: "HS256", kid: "k1", typ: "at+jwt" }, goodClaims()), "TOKEN_MALFORMED");
    await expectCode(craft({ alg: "HS256", kid: "k1" }, "this is not json"), "TOKEN_MALFORMED");
    await expectCode(craft({ alg: "HS256", kid: "k1" }, "[1,2,3]"), "TOKEN_MALFORMED");
  });
});

describe("verifyAsapToken: algorithm and signature", () => {
  it("refuses alg none, even with an empty signature (ALG_NOT_ALLOWED)", async () => {
    const encode = (v: unknown) => base64url.encode(JSON.stringify(v));
    const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${encode(goodClaims())}.`;
    expect(await refusal(unsigned)).toMatchObject({ code: "TOKEN_MALFORMED" });
    await expectCode(`${unsigned}AAAA`, "ALG_NOT_ALLOWED");
  });

  it("refuses HS512 signed with the right secret (ALG_NOT_ALLOWED)", async () => {
    await expectCode(await sign(goodClaims(), { alg: "HS512" }), "ALG_NOT_ALLOWED");
  });

  it("refuses an RS256 header: no key confusion with the shared secret (ALG_NOT_ALLOWED)", async () => {
    const error = await expectCode(craft({ alg: "RS256", kid: "k1" }, goodClaims()), "ALG_NOT_ALLOWED");
    expect(error.message).toContain('"RS256"');
  });

  it("refuses a token signed with another secret (SIGNATURE_INVALID) and hints at the base64 mistake", async () => {
    const error = await expectCode(await sign(goodClaims(), { secret: OTHER_SECRET }), "SIGNATURE_INVALID");
    expect(error.hint).toContain("do not base64-decode");
  });

  it("refuses a token signed with the base64-decoded secret (SIGNATURE_INVALID)", async () => {
    const decodedKey = Buffer.from(SECRET, "base64url");
    const token = await new SignJWT(goodClaims()).setProtectedHeader({ alg: "HS256", kid: "k1" }).sign(decodedKey);
    await expectCode(token, "SIGNATURE_INVALID");
  });

  it("refuses a tampered payload (SIGNATURE_INVALID)", async () => {
    const [header, , signature] = (await sign(goodClaims())).split(".");
    const forged = base64url.encode(JSON.stringify({ ...goodClaims(), email: "mallory@example.com" }));
    await expectCode(`${header}.${forged}.${signature}`, "SIGNATURE_INVALID");
  });
});

describe("verifyAsapToken: keys", () => {
  it("refuses an unknown kid (KEY_NOT_FOUND)", async () => {
    await expectCode(await sign(goodClaims(), { kid: "nope" }), "KEY_NOT_FOUND");
  });

  it("refuses a token without kid when the add-on has no live key (KEY_NOT_FOUND)", async () => {
    await expectCode(await sign(goodClaims(), { kid: undefined }), "KEY_NOT_FOUND", { keys: ring([]) });
  });

  it("refuses a revoked key at once, saying when (KEY_REVOKED)", async () => {
    const revokedAt = new Date(NOW - 5_000);
    const error = await expectCode(await sign(goodClaims()), "KEY_REVOKED", { keys: ring([{ kid: "k1", secret: SECRET, revokedAt }]) });
    expect(error.message).toContain(revokedAt.toISOString());
  });

  it("refuses a rotated key once its overlap has ended (KEY_REVOKED)", async () => {
    const expiresAt = new Date(NOW);
    const error = await expectCode(await sign(goodClaims()), "KEY_REVOKED", { keys: ring([{ kid: "k1", secret: SECRET, expiresAt }]) });
    expect(error.message).toContain("rotated out");
  });
});

describe("verifyAsapToken: claims", () => {
  it.each([
    ["email", "CLAIM_MISSING"],
    ["email_verified", "CLAIM_MISSING"],
    ["not_after", "CLAIM_MISSING"],
    ["not_before", "CLAIM_MISSING"],
  ] as const)("refuses a token without %s (%s)", async (claim, code) => {
    const claims: Record<string, unknown> = goodClaims();
    delete claims[claim];
    const error = await expectCode(await sign(claims), code);
    expect(error.message).toContain(claim);
  });

  it.each([
    ["email", "not-an-address"],
    ["email", `${"a".repeat(250)}@b.io`],
    ["email", 42],
    ["email_verified", "true"],
    ["name", "x".repeat(101)],
    ["jti", ""],
    ["not_before", 1.5e12 + 0.5],
    ["not_after", "1764000000000"],
    ["not_after", -1],
  ])("refuses %s = %j (CLAIM_INVALID)", async (claim, value) => {
    const error = await expectCode(await sign({ ...goodClaims(), [claim]: value }), "CLAIM_INVALID");
    expect(error.message).toContain(claim);
  });

  it("refuses email_verified false (EMAIL_NOT_VERIFIED)", async () => {
    await expectCode(await sign({ ...goodClaims(), email_verified: false }), "EMAIL_NOT_VERIFIED");
  });

  it("refuses not_before and not_after in seconds, with a hint saying so (CLAIM_INVALID)", async () => {
    const seconds = { not_before: Math.floor(NOW / 1000), not_after: Math.floor(NOW / 1000) + 300 };
    const error = await expectCode(await sign({ ...goodClaims(), ...seconds }), "CLAIM_INVALID");
    expect(error.hint).toContain("not_before is in seconds");
    expect(error.hint).toContain("milliseconds");
    const onlyEnd = await expectCode(await sign({ ...goodClaims(), not_after: Math.floor(NOW / 1000) + 300 }), "CLAIM_INVALID");
    expect(onlyEnd.hint).toContain("not_after is in seconds");
  });

  it("refuses the exp alias in seconds and the nbf alias in milliseconds, saying which (CLAIM_INVALID)", async () => {
    const { not_before, not_after, ...rest } = goodClaims();
    const exp = await expectCode(await sign({ ...rest, not_before, exp: Math.floor(not_after / 1000) }), "CLAIM_INVALID");
    expect(exp.hint).toContain("exp is in seconds");
    const nbf = await expectCode(await sign({ ...rest, nbf: not_before, not_after }), "CLAIM_INVALID");
    expect(nbf.hint).toContain("nbf looks like milliseconds");
  });

  it("refuses not_after at or before not_before (CLAIM_INVALID)", async () => {
    await expectCode(await sign({ ...goodClaims(), not_before: NOW, not_after: NOW }), "CLAIM_INVALID");
  });
});

describe("verifyAsapToken: validity window and clock, at their boundaries", () => {
  const window = (notBefore: number, notAfter: number) => ({ ...goodClaims(), not_before: notBefore, not_after: notAfter });

  it("accepts exactly 10 minutes and refuses one millisecond more (VALIDITY_TOO_LONG)", async () => {
    await expect(verifyAsapToken(await sign(window(NOW, NOW + 600_000)), options)).resolves.toBeDefined();
    await expectCode(await sign(window(NOW, NOW + 600_001)), "VALIDITY_TOO_LONG");
  });

  it("accepts a not_before up to the skew ahead of the Desk's clock, and refuses beyond (TOKEN_NOT_YET_VALID)", async () => {
    await expect(verifyAsapToken(await sign(window(NOW + 60_000, NOW + 120_000)), options)).resolves.toBeDefined();
    await expectCode(await sign(window(NOW + 60_001, NOW + 120_000)), "TOKEN_NOT_YET_VALID");
  });

  it("accepts a not_after up to the skew behind the clock, and refuses from there on (TOKEN_EXPIRED)", async () => {
    await expect(verifyAsapToken(await sign(window(NOW - 120_000, NOW - 59_999)), options)).resolves.toBeDefined();
    const error = await expectCode(await sign(window(NOW - 120_000, NOW - 60_000)), "TOKEN_EXPIRED");
    expect(error.message).toContain(new Date(NOW - 60_000).toISOString());
  });

  it("uses the add-on's own skew", async () => {
    await expectCode(await sign(window(NOW - 120_000, NOW - 10_000)), "TOKEN_EXPIRED", { clockSkewSeconds: 5 });
  });
});

describe("verifyAsapToken: replay", () => {
  it("refuses a second login with the same jti (TOKEN_REPLAYED)", async () => {
    const token = await sign(goodClaims());
    await verifyAsapToken(token, options);
    await expectCode(token, "TOKEN_REPLAYED");
  });

  it("remembers the jti until the token could not pass under the largest skew an add-on may set", async () => {
    let rememberedUntil: Date | undefined;
    const claims = goodClaims();
    await verifyAsapToken(await sign(claims), {
      ...options,
      replay: async (_jti, expiresAt) => ((rememberedUntil = expiresAt), "fresh"),
    });
    // Not the add-on's current 60 s: an admin may raise it later, and the jti must stay spent.
    expect(rememberedUntil?.getTime()).toBe(claims.not_after + MAX_CLOCK_SKEW_SECONDS * 1000);
  });

  it("refuses a token without jti when the add-on requires one (CLAIM_MISSING)", async () => {
    const { jti: _jti, ...withoutJti } = goodClaims();
    const error = await refusal(await sign(withoutJti), { requireJti: true });
    expect(error.code).toBe("CLAIM_MISSING");
    expect(error.hint).toContain("jti");
  });

  it("spends no jti on a token that fails an earlier check", async () => {
    await expectCode(await sign({ ...goodClaims(), email_verified: false }), "EMAIL_NOT_VERIFIED");
    expect(used.size).toBe(0);
  });

  it("stops the trace at the failing check", async () => {
    const trace: CheckOutcome[] = [];
    await verifyAsapToken(await sign(goodClaims(), { secret: OTHER_SECRET }), options, trace).catch(() => undefined);
    expect(trace.map((t) => `${t.check}:${t.passed}`)).toEqual(["size:true", "format:true", "header:true", "key:true", "signature:false"]);
  });
});
