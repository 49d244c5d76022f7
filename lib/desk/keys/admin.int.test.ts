import { generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { setJwksUrl } from "@/lib/desk/addons/admin";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import { verifyAsapToken } from "@/lib/desk/iam/verify-token";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { KeyStateError, rotateKey, uploadPublicKey } from "./admin";

// The portal's key life cycle for public keys: upload, rotate to one, revoke, and a JWKS URL removed.
async function newAddon() {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  await db.asapAddon.create({ data: { id, name: id } });
  const agent = await db.agent.create({ data: { email: `${id}@desk.example`, name: "Admin", role: "admin", passwordHash: "x" }, select: { id: true, name: true, email: true, role: true } });
  return { id, agent: agent as PortalAgent };
}

const pem = (pair: { publicKey: import("node:crypto").KeyObject }) => pair.publicKey.export({ type: "spki", format: "pem" }).toString();

function sign(pair: { privateKey: import("node:crypto").KeyObject }, alg: string, kid: string) {
  const now = Date.now();
  return new SignJWT({ email: "ada@example.com", email_verified: true, not_before: now, not_after: now + 60_000 }).setProtectedHeader({ alg, kid }).sign(pair.privateKey);
}

const verify = (addonId: string, token: string) =>
  verifyAsapToken(token, { keys: databaseKeyRing(db, { addonId, masterKey: Buffer.from(env.DESK_MASTER_KEY, "base64url") }), now: Date.now(), clockSkewSeconds: 60 });

describe("public keys in the portal", () => {
  it("uploads an ES256 key that then verifies, storing only the public JWK, audited", async () => {
    const { id, agent } = await newAddon();
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const uploaded = await uploadPublicKey(id, pem(pair), agent);
    expect(uploaded.algorithm).toBe("ES256");
    expect((await verify(id, await sign(pair, "ES256", uploaded.kid))).kid).toBe(uploaded.kid);
    const row = await db.asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId: id, kid: uploaded.kid } } });
    expect(row).toMatchObject({ algorithm: "ES256", source: "uploaded", secretEncrypted: null, fingerprint: uploaded.fingerprint });
    expect(Object.keys(JSON.parse(row.publicKey ?? "{}"))).toEqual(["kty", "crv", "x", "y"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { target: `addon:${id}/key:${uploaded.kid}` } });
    expect(audit).toMatchObject({ action: "key.upload", actorId: agent.id });
  });

  it("keeps a JWK's own kid when the add-on does not use it yet, and makes one when it does", async () => {
    const { id, agent } = await newAddon();
    const jwk = (pair: ReturnType<typeof generateKeyPairSync>) => JSON.stringify({ ...pair.publicKey.export({ format: "jwk" }), kid: "shop-1" });
    expect((await uploadPublicKey(id, jwk(generateKeyPairSync("ed25519")), agent)).kid).toBe("shop-1");
    expect((await uploadPublicKey(id, jwk(generateKeyPairSync("ed25519")), agent)).kid).toMatch(/^k_\d{8}_[0-9a-f]{6}$/);
  });

  it("refuses a private key and stores nothing", async () => {
    const { id, agent } = await newAddon();
    const privatePem = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    await expect(uploadPublicKey(id, privatePem, agent)).rejects.toMatchObject({ name: "KeyInputError", isPrivateKey: true });
    await expect(uploadPublicKey(id, "not a key", agent)).rejects.toMatchObject({ name: "KeyInputError", isPrivateKey: false });
    expect(await db.asapKey.count({ where: { addonId: id } })).toBe(0);
  });

  it("rotates an ES256 key to a new one: both verify during the overlap, the old one is refused after it", async () => {
    const { id, agent } = await newAddon();
    const oldPair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const old = await uploadPublicKey(id, pem(oldPair), agent);
    const nextPair = generateKeyPairSync("ed25519");
    const made = await rotateKey(id, old.kid, 3600, agent, pem(nextPair));
    expect(made).toMatchObject({ kind: "public", key: { algorithm: "EdDSA" } });
    expect((await verify(id, await sign(oldPair, "ES256", old.kid))).kid).toBe(old.kid);
    expect((await verify(id, await sign(nextPair, "EdDSA", made.key.kid))).kid).toBe(made.key.kid);
    await db.asapKey.updateMany({ where: { addonId: id, kid: old.kid }, data: { expiresAt: new Date(Date.now() - 1) } });
    const error = await verify(id, await sign(oldPair, "ES256", old.kid)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AsapError);
    expect((error as AsapError).code).toBe("KEY_REVOKED");
  });

  it("does not rotate a key read from the JWKS: its document rotates it", async () => {
    const { id, agent } = await newAddon();
    await db.asapKey.create({ data: { addonId: id, kid: "from-jwks", source: "jwks", algorithm: "ES256", publicKey: "{}", fingerprint: "0".repeat(16) } });
    await expect(rotateKey(id, "from-jwks", 3600, agent)).rejects.toBeInstanceOf(KeyStateError);
  });

  it("drops the keys read from a JWKS URL when the URL is removed", async () => {
    const { id, agent } = await newAddon();
    await setJwksUrl(id, "https://app.example.com/jwks.json", agent);
    await db.asapKey.create({ data: { addonId: id, kid: "from-jwks", source: "jwks", algorithm: "ES256", publicKey: "{}", fingerprint: "0".repeat(16) } });
    const uploaded = await uploadPublicKey(id, pem(generateKeyPairSync("ed25519")), agent);
    expect(await setJwksUrl(id, null, agent)).toBe(1);
    const rows = await db.asapKey.findMany({ where: { addonId: id }, select: { kid: true, revokedAt: true } });
    expect(rows).toEqual([{ kid: uploaded.kid, revokedAt: null }]);
  });
});
