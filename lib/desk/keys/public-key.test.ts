import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseJwksMember, parsePublicKey, PublicKeyError } from "./public-key";

const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const ed = generateKeyPairSync("ed25519");
const ecJwk = ec.publicKey.export({ format: "jwk" });

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(PublicKeyError);
  return (error as Error).message;
}

describe("parsePublicKey", () => {
  it("takes a P-256 PEM as an ES256 key and an Ed25519 PEM as an EdDSA key", async () => {
    const es = await parsePublicKey(ec.publicKey.export({ type: "spki", format: "pem" }).toString());
    expect(es.algorithm).toBe("ES256");
    expect(es.jwk).toEqual({ kty: "EC", crv: "P-256", x: ecJwk.x, y: ecJwk.y });
    const eddsa = await parsePublicKey(`\n  ${ed.publicKey.export({ type: "spki", format: "pem" }).toString()}  \n`);
    expect(eddsa.algorithm).toBe("EdDSA");
    expect(eddsa.jwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
  });

  it("gives one key the same fingerprint as PEM and as JWK, and keeps only its defining members", async () => {
    const pem = await parsePublicKey(ec.publicKey.export({ type: "spki", format: "pem" }).toString());
    const jwk = await parsePublicKey(JSON.stringify({ ...ecJwk, kid: "shop-2026", alg: "ES256", use: "sig", extra: "dropped" }));
    expect(jwk.fingerprint).toBe(pem.fingerprint);
    expect(jwk.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(jwk.kid).toBe("shop-2026");
    expect(Object.keys(jwk.jwk)).toEqual(["kty", "crv", "x", "y"]);
  });

  it("refuses a private key, as PEM or as JWK, with a warning that never echoes it", async () => {
    const pem = ec.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(await refusal(parsePublicKey(pem))).toContain("private key");
    const jwk = JSON.stringify(ed.privateKey.export({ format: "jwk" }));
    const message = await refusal(parsePublicKey(jwk));
    expect(message).toContain("private key");
    expect(message).not.toContain(JSON.parse(jwk).d);
  });

  it("refuses RSA and other curves, naming what the Desk takes", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(await refusal(parsePublicKey(rsa))).toContain("RSA");
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "jwk" });
    expect(await refusal(parsePublicKey(JSON.stringify(p384)))).toContain("EC P-384");
  });

  it("refuses a JWK whose own alg or use contradicts its type, and a point off the curve", async () => {
    expect(await refusal(parsePublicKey(JSON.stringify({ ...ecJwk, alg: "HS256" })))).toContain('alg "HS256"');
    expect(await refusal(parsePublicKey(JSON.stringify({ ...ecJwk, use: "enc" })))).toContain('"enc"');
    expect(await refusal(parsePublicKey(JSON.stringify({ ...ecJwk, y: ecJwk.x })))).toContain("not a valid public key");
  });

  it("explains a JWK Set, a certificate, garbage and an oversized paste", async () => {
    expect(await refusal(parsePublicKey(JSON.stringify({ keys: [ecJwk] })))).toContain("JWKS URL");
    expect(await refusal(parsePublicKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))).toContain("not a certificate");
    expect(await refusal(parsePublicKey("hello"))).toContain("neither a PEM block");
    expect(await refusal(parsePublicKey("x".repeat(9000)))).toContain("shorter");
    expect(await refusal(parsePublicKey("  "))).toContain("Paste a public key");
  });
});

describe("parseJwksMember", () => {
  it("takes a published key and refuses what is not an object", async () => {
    expect((await parseJwksMember({ ...ecJwk, kid: "a" })).kid).toBe("a");
    expect(await refusal(parseJwksMember("x"))).toBe("not a JSON object");
    expect(await refusal(parseJwksMember([ecJwk]))).toBe("not a JSON object");
  });
});

describe("weak keys", () => {
  it("refuses small-order Ed25519 points, over which a forged signature (R = identity, S = 0) would verify", async () => {
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const orderTwo = Buffer.alloc(32, 0xff);
    orderTwo[0] = 0xec;
    orderTwo[31] = 0x7f; // y = -1: the point of order 2
    for (const x of [identity, orderTwo, Buffer.alloc(32)]) {
      const message = await refusal(parsePublicKey(JSON.stringify({ kty: "OKP", crv: "Ed25519", x: x.toString("base64url") })));
      expect(message).toMatch(/weak \(small-order\) point|not a valid public key/);
    }
  });

  it("stores one encoding of a key: padded or leading-zero coordinates give the same JWK and fingerprint", async () => {
    const plain = await parsePublicKey(JSON.stringify(ecJwk));
    const base64 = (value: string | undefined) => Buffer.from(value ?? "", "base64url").toString("base64"); // "+/" and "=" padding
    const padded = await parsePublicKey(JSON.stringify({ ...ecJwk, x: base64(ecJwk.x), y: base64(ecJwk.y) }));
    const leadingZero = await parsePublicKey(JSON.stringify({ ...ecJwk, x: Buffer.concat([Buffer.alloc(1), Buffer.from(ecJwk.x ?? "", "base64url")]).toString("base64url") }));
    expect(padded.jwk).toEqual(plain.jwk);
    expect(padded.fingerprint).toBe(plain.fingerprint);
    expect(leadingZero.fingerprint).toBe(plain.fingerprint);
    expect(leadingZero.jwk).toEqual(plain.jwk);
  });
});
