import { generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { asapClaims, DEFAULT_VALIDITY_MS, mintAsapToken } from "./mint.js";

const key = { kid: "kid-1", secret: "a-secret-of-at-least-32-characters-long" };

describe("asapClaims", () => {
  it("gives a verified tester a five-minute window in milliseconds and a fresh jti", () => {
    const claims = asapClaims({}, { now: 1_700_000_000_000 });
    expect(claims).toEqual({
      email: "tester@example.com",
      email_verified: true,
      name: "Tester",
      not_before: 1_700_000_000_000,
      not_after: 1_700_000_000_000 + DEFAULT_VALIDITY_MS,
      jti: expect.any(String),
    });
    expect(asapClaims().jti).not.toBe(asapClaims().jti);
  });

  it("lays the given claims over the defaults and leaves out those set to undefined", () => {
    const claims = asapClaims({ email: "ada@example.com", jti: undefined, tenant: "acme" }, { now: 0, validityMs: 1000 });
    expect(claims).toMatchObject({ email: "ada@example.com", not_after: 1000, tenant: "acme" });
    expect(claims).not.toHaveProperty("jti");
  });
});

describe("mintAsapToken", () => {
  it("signs HS256 with the secret's UTF-8 bytes, naming the key by kid", async () => {
    const token = await mintAsapToken({ email: "ada@example.com" }, key);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT", kid: "kid-1" });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret));
    expect(payload.email).toBe("ada@example.com");
  });

  it("sends no kid for a key without one, and takes header overrides", async () => {
    const token = await mintAsapToken({}, { kid: null, secret: key.secret }, { header: { typ: "jwt" } });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "jwt" });
  });

  it("refuses a key without a secret", async () => {
    await expect(mintAsapToken({}, { kid: "k", secret: "" })).rejects.toThrow(/no secret/);
  });

  it("signs ES256 with a P-256 private key (PEM or KeyObject) and EdDSA with an Ed25519 one", async () => {
    const es = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = es.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const esToken = await mintAsapToken({}, { kid: "es", privateKey: pem });
    expect(decodeProtectedHeader(esToken)).toEqual({ alg: "ES256", typ: "JWT", kid: "es" });
    await jwtVerify(esToken, es.publicKey);
    const ed = generateKeyPairSync("ed25519");
    const edToken = await mintAsapToken({}, { kid: null, privateKey: ed.privateKey });
    expect(decodeProtectedHeader(edToken).alg).toBe("EdDSA");
    await jwtVerify(edToken, ed.publicKey);
  });

  it("refuses a private key of a type the Desk does not verify", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    await expect(mintAsapToken({}, { kid: "r", privateKey: rsa.privateKey })).rejects.toThrow("ES256 (P-256) and EdDSA (Ed25519)");
  });
});
