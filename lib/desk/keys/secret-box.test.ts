import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretFingerprint } from "./fingerprint";
import { openSecret, sealSecret, SecretBoxError } from "./secret-box";

const masterKey = randomBytes(32);
const secret = randomBytes(32).toString("base64url");

describe("secret box", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const box = sealSecret(secret, "kid-1", masterKey);
    expect(box).not.toContain(secret);
    expect(openSecret(box, "kid-1", masterKey)).toBe(secret);
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret(secret, "kid-1", masterKey)).not.toBe(sealSecret(secret, "kid-1", masterKey));
  });

  it("refuses another master key", () => {
    const box = sealSecret(secret, "kid-1", masterKey);
    expect(() => openSecret(box, "kid-1", randomBytes(32))).toThrow(SecretBoxError);
  });

  it("refuses a ciphertext moved onto another kid", () => {
    const box = sealSecret(secret, "kid-1", masterKey);
    expect(() => openSecret(box, "kid-2", masterKey)).toThrow(SecretBoxError);
  });

  it("refuses a tampered ciphertext and an unknown format", () => {
    const [version, iv, sealed] = sealSecret(secret, "kid-1", masterKey).split(".") as [string, string, string];
    const flipped = Buffer.from(sealed, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openSecret([version, iv, flipped.toString("base64url")].join("."), "kid-1", masterKey)).toThrow(SecretBoxError);
    expect(() => openSecret(`v0.${iv}.${sealed}`, "kid-1", masterKey)).toThrow("Unknown secret format");
  });
});

describe("secretFingerprint", () => {
  it("is 16 hex characters, stable, and differs between secrets", () => {
    expect(secretFingerprint(secret)).toMatch(/^[0-9a-f]{16}$/);
    expect(secretFingerprint(secret)).toBe(secretFingerprint(secret));
    expect(secretFingerprint(secret)).not.toBe(secretFingerprint(`${secret}x`));
  });
});
