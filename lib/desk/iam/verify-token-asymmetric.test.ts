import { createHmac, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { SignJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import type { KeyAlgorithm } from "@/lib/contract/signing-algorithms";
import { importHmacKey, importPublicKey, type KeyRing, type RingKey } from "@/lib/desk/keys/key-ring";
import { parsePublicKey, serializeJwk } from "@/lib/desk/keys/public-key";
import { AsapError } from "./errors";
import { verifyAsapToken, type CheckOutcome } from "./verify-token";

// ES256 and EdDSA keys beside HS256 secrets: the key's type fixes the algorithm a token must use.
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const SECRET = randomBytes(32).toString("base64url");
const es256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed25519 = generateKeyPairSync("ed25519");
const otherEs256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
const pemOf = (key: KeyObject) => key.export({ type: "spki", format: "pem" }).toString();

type Spec = { kid: string; algorithm: KeyAlgorithm; secret?: string; publicKey?: KeyObject };

async function ring(specs: Spec[]): Promise<KeyRing> {
  const keys: RingKey[] = await Promise.all(
    specs.map(async (spec) => {
      const jwk = spec.publicKey ? serializeJwk((await parsePublicKey(pemOf(spec.publicKey))).jwk) : "";
      return {
        id: `id-${spec.kid}`,
        kid: spec.kid,
        algorithm: spec.algorithm,
        source: spec.publicKey ? "uploaded" : "generated",
        revokedAt: null,
        expiresAt: null,
        cryptoKey: () => (spec.algorithm === "HS256" ? importHmacKey(spec.secret ?? "") : importPublicKey(spec.algorithm, jwk)),
      } satisfies RingKey;
    }),
  );
  return { find: async (kid) => keys.find((key) => key.kid === kid) ?? null, live: async () => keys };
}

const KEYS: Spec[] = [
  { kid: "hs", algorithm: "HS256", secret: SECRET },
  { kid: "es", algorithm: "ES256", publicKey: es256.publicKey },
  { kid: "ed", algorithm: "EdDSA", publicKey: ed25519.publicKey },
];

const claims = () => ({ email: "ada@example.com", email_verified: true, name: "Ada", not_before: NOW - 1_000, not_after: NOW + 60_000, jti: crypto.randomUUID() });

function sign(alg: string, key: KeyObject | Uint8Array, kid?: string, extra: Record<string, unknown> = {}) {
  return new SignJWT({ ...claims(), ...extra }).setProtectedHeader({ alg, typ: "JWT", ...(kid && { kid }) }).sign(key);
}

async function verify(token: string, specs = KEYS, trace?: CheckOutcome[], audience?: string) {
  return verifyAsapToken(token, { keys: await ring(specs), now: NOW, clockSkewSeconds: 60, audience }, trace);
}

async function refusal(token: string, specs = KEYS, audience?: string): Promise<AsapError> {
  const error = await verify(token, specs, undefined, audience).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AsapError);
  return error as AsapError;
}

describe("verifyAsapToken: ES256 and EdDSA keys", () => {
  it("accepts ES256 and EdDSA tokens signed with the private half of the add-on's public keys", async () => {
    const trace: CheckOutcome[] = [];
    expect((await verify(await sign("ES256", es256.privateKey, "es"), KEYS, trace)).kid).toBe("es");
    expect(trace.find((step) => step.check === "signature")?.detail).toBe("ES256 signature matches key es");
    expect((await verify(await sign("EdDSA", ed25519.privateKey, "ed"))).kid).toBe("ed");
    expect((await verify(await sign("Ed25519", ed25519.privateKey, "ed"))).kid).toBe("ed"); // RFC 9864's name for it
  });

  it("without a kid, tries only the live keys of the token's algorithm", async () => {
    expect((await verify(await sign("ES256", es256.privateKey))).kid).toBe("es");
    expect((await verify(await sign("HS256", new TextEncoder().encode(SECRET)))).kid).toBe("hs");
    const error = await refusal(await sign("EdDSA", ed25519.privateKey), KEYS.slice(0, 2));
    expect(error.code).toBe("ALG_NOT_ALLOWED");
    expect(error.hint).toContain("HS256, ES256");
  });

  it("refuses an HS256 token keyed with the public key's own bytes under an ES256 kid (algorithm confusion)", async () => {
    for (const material of [pemOf(es256.publicKey), JSON.stringify(es256.publicKey.export({ format: "jwk" }))]) {
      const error = await refusal(await sign("HS256", new TextEncoder().encode(material), "es"));
      expect(error.code).toBe("ALG_NOT_ALLOWED");
      expect(error.message).toBe('The key "es" is an ES256 public key, but the token is signed with HS256.');
    }
  });

  it("refuses an ES256 token under an HS256 kid, and EdDSA under an ES256 kid", async () => {
    expect((await refusal(await sign("ES256", es256.privateKey, "hs"))).message).toContain("is an HS256 secret");
    expect((await refusal(await sign("EdDSA", ed25519.privateKey, "es"))).code).toBe("ALG_NOT_ALLOWED");
  });

  it("refuses a token signed by another P-256 key with SIGNATURE_INVALID and a fingerprint hint", async () => {
    const error = await refusal(await sign("ES256", otherEs256.privateKey, "es"));
    expect(error.code).toBe("SIGNATURE_INVALID");
    expect(error.hint).toContain("fingerprint");
  });

  it("refuses RS256 and ES384 at the header: no key of the Desk takes them", async () => {
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    for (const alg of ["RS256", "ES384", "PS256"]) {
      const input = `${encode({ alg, kid: "es" })}.${encode(claims())}`;
      const error = await refusal(`${input}.${createHmac("sha256", SECRET).update(input).digest("base64url")}`);
      expect(error.code).toBe("ALG_NOT_ALLOWED");
      expect(error.message).toContain("only HS256, ES256 and EdDSA");
    }
  });

  it("requires a public key's token to name its add-on in aud, so one key serving two add-ons keeps their tokens apart", async () => {
    const missing = await refusal(await sign("ES256", es256.privateKey, "es"), KEYS, "addon_prod");
    expect(missing).toMatchObject({ code: "CLAIM_MISSING" });
    expect(missing.hint).toContain('set aud to "addon_prod"');
    const staging = await refusal(await sign("EdDSA", ed25519.privateKey, "ed", { aud: "addon_staging" }), KEYS, "addon_prod");
    expect(staging).toMatchObject({ code: "CLAIM_INVALID" });
    expect(staging.hint).toContain('"addon_staging", not this add-on');
    const trace: CheckOutcome[] = [];
    await verify(await sign("ES256", es256.privateKey, "es", { aud: ["addon_staging", "addon_prod"] }), KEYS, trace, "addon_prod");
    expect(trace.find((step) => step.check === "claims")?.detail).toContain("aud addon_prod");
  });

  it("lets an HS256 token leave aud out (its secret is the add-on's own), but not name another add-on", async () => {
    const secret = new TextEncoder().encode(SECRET);
    expect((await verify(await sign("HS256", secret, "hs"), KEYS, undefined, "addon_prod")).kid).toBe("hs");
    expect((await refusal(await sign("HS256", secret, "hs", { aud: "addon_other" }), KEYS, "addon_prod")).code).toBe("CLAIM_INVALID");
    expect((await refusal(await sign("HS256", secret, "hs", { aud: 42 }), KEYS, "addon_prod")).code).toBe("CLAIM_INVALID");
  });
});
