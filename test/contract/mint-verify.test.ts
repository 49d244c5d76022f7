import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importHmacKey, type KeyRing } from "@/lib/desk/keys/key-ring";
import { verifyAsapToken } from "@/lib/desk/iam/verify-token";
import { DEFAULT_VALIDITY_MS, mintAsapToken } from "@/lib/site/asap/mint-asap-token";

// The contract between the two sides: what the site mints, the Desk accepts. Lives outside both
// areas, since neither may import the other.
const secret = randomBytes(32).toString("base64url");
const keys: KeyRing = {
  find: async (kid) => (kid === "k1" ? { id: "key-1", kid, algorithm: "HS256", source: "generated", revokedAt: null, expiresAt: null, cryptoKey: () => importHmacKey(secret) } : null),
  live: async () => [],
};
const user = { email: "ada@example.com", name: "Ada Lovelace", emailVerified: true };

describe("minting ↔ verifying", () => {
  it("a freshly minted token verifies, with a 5-minute window and a fresh jti", async () => {
    const now = Date.now();
    const minted = await mintAsapToken(user, { secret, kid: "k1", now });
    expect(minted.expiresAt).toBe(now + DEFAULT_VALIDITY_MS);
    const { claims } = await verifyAsapToken(minted.token, { keys, now, clockSkewSeconds: 60 });
    expect(claims).toMatchObject({ email: user.email, name: user.name, notBefore: now, notAfter: now + 300_000 });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = await mintAsapToken(user, { secret, kid: "k1", now });
    expect(again.token).not.toBe(minted.token);
  });

  it("the Desk refuses a token minted for longer than 10 minutes", async () => {
    const minted = await mintAsapToken(user, { secret, kid: "k1", validityMs: 11 * 60_000 });
    await expect(verifyAsapToken(minted.token, { keys, now: Date.now(), clockSkewSeconds: 60 })).rejects.toMatchObject({
      code: "VALIDITY_TOO_LONG",
    });
  });

  it("the site refuses to mint for an unverified address", async () => {
    await expect(mintAsapToken({ ...user, emailVerified: false }, { secret })).rejects.toThrow(/unverified/);
  });
});
