import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { hotSql } from "@/lib/shared/hot-sql";
import { findAddonForLogin } from "./find-addon";

// A login's first query: the add-on, its origins and the key its token names, in one statement.
const masterKey = Buffer.from(env.DESK_MASTER_KEY, "base64url");

async function addonWithKey() {
  const id = `addon_${randomUUID().slice(0, 8)}`;
  await db.asapAddon.create({ data: { id, name: id, origins: { create: [{ origin: "https://a.example" }, { origin: "https://b.example" }] } } });
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const secret = randomBytes(32).toString("base64url");
  const key = await db.asapKey.create({ data: { addonId: id, kid, fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, kid, masterKey) }, select: { id: true } });
  return { id, kid, keyId: key.id };
}

// Through Prisma (the debugger) and through the login's own connection (a bare one on SQLite), alike.
describe.each([
  ["Prisma", db],
  ["the login's connection", hotSql],
])("findAddonForLogin, through %s", (_, sql) => {
  it("reads the key a token names with the add-on, each origin once", async () => {
    const { id, kid, keyId } = await addonWithKey();
    const addon = await findAddonForLogin(sql, id, kid);
    expect(addon?.origins.sort()).toEqual(["https://a.example", "https://b.example"]);
    expect(addon?.signingKey).toMatchObject({ kid, row: { id: keyId, kid, algorithm: "HS256", source: "generated", revokedAt: null, expiresAt: null } });
    expect((await findAddonForLogin(sql, id, "no-such-kid"))?.signingKey).toEqual({ kid: "no-such-kid", row: null });
    expect((await findAddonForLogin(sql, id))?.signingKey).toBeUndefined();
    expect(await findAddonForLogin(sql, "addon_none", kid)).toBeNull();
  });

  it("hands the key ring a row it takes for its first find of that kid only", async () => {
    const { id, kid, keyId } = await addonWithKey();
    const addon = await findAddonForLogin(sql, id, kid);
    const ring = databaseKeyRing(db, { addonId: id, masterKey, read: { kid, row: null } }); // as if read before the key was made
    expect(await ring.find(kid)).toBeNull();
    expect((await ring.find(kid))?.id).toBe(keyId); // later finds ask the database
    const fromRead = databaseKeyRing(db, { addonId: id, masterKey, ...(addon?.signingKey && { read: addon.signingKey }) });
    const key = await fromRead.find(kid);
    expect(key?.id).toBe(keyId);
    await expect(key?.cryptoKey()).resolves.toBeTruthy();
  });

  it("reads a key's dates as the same instants", async () => {
    const { id, kid } = await addonWithKey();
    const revokedAt = new Date("2026-03-04T05:06:07.089Z");
    await db.asapKey.update({ where: { addonId_kid: { addonId: id, kid } }, data: { revokedAt } });
    const addon = await findAddonForLogin(sql, id, kid);
    const key = await databaseKeyRing(db, { addonId: id, masterKey, ...(addon?.signingKey && { read: addon.signingKey }) }).find(kid);
    expect(key?.revokedAt).toEqual(revokedAt);
  });
});
