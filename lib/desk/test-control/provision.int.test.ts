import { describe, expect, it, vi } from "vitest";
import { openSecret } from "@/lib/desk/keys/secret-box";
import { findSession } from "@/lib/desk/sessions/asap-sessions";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { refusal } from "@/test/integration/callers";
import { controlRefusal, loginWith } from "@/test/integration/test-control";
import { addKey, provisionAddon, revokeKey, rotateKey } from "./provision";

vi.hoisted(() => {
  process.env.DESK_TEST_CONTROL_TOKEN = "provision-int-test-control-token-0123456789";
});

const SECRET = "a-known-test-secret-of-43-characters-xxxxxx";
const unique = () => crypto.randomUUID().slice(0, 8);

describe("provisioning an add-on", () => {
  it("makes an add-on with the given id, kid and secret, sealed like a portal key, that a minted token logs in to", async () => {
    const id = `addon_${unique()}`;
    const kid = `kid-${unique()}`;
    const { addon, key } = await provisionAddon({ id, name: "Checkout", origins: ["http://localhost:3000"], clockSkewSeconds: 5, key: { kid, secret: SECRET } });
    expect(addon).toEqual({
      id,
      name: "Checkout",
      origins: ["http://localhost:3000"],
      authMode: "jwt",
      newFlowEnabled: true,
      legacyFlowEnabled: false,
      clockSkewSeconds: 5,
      sessionTtlSeconds: 3600,
    });
    expect(key).toEqual({ kid, secret: SECRET });
    const row = await db.asapKey.findUniqueOrThrow({ where: { addonId_kid: { addonId: id, kid } } });
    expect(row.secretEncrypted).not.toContain(SECRET);
    expect(openSecret(row.secretEncrypted ?? "", kid, Buffer.from(env.DESK_MASTER_KEY, "base64url"))).toBe(SECRET);
    expect((await loginWith(id, key, { email: "ada@example.com" })).contact.email).toBe("ada@example.com");
    const audit = await db.auditEvent.findMany({ where: { target: { startsWith: `addon:${id}` } }, select: { action: true, actorId: true, detail: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["addon.create", "key.create"]);
    expect(audit.every((entry) => entry.actorId === null && entry.detail?.includes("test-control") && !entry.detail.includes(SECRET))).toBe(true);
  });

  it("makes a fresh id, kid and 43-character secret when none is given", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    expect(addon.id).toMatch(/^addon_[0-9a-f]{12}$/);
    expect(key.kid).toMatch(/^k_test_[0-9a-f]{8}$/);
    expect(key.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(loginWith(addon.id, key)).resolves.toBeDefined();
  });

  it("switches the legacy flow on when given a JWT endpoint", async () => {
    const { addon } = await provisionAddon({ origins: [], legacyEndpointUrl: "http://127.0.0.1:9/jwt" });
    expect(addon.legacyFlowEnabled).toBe(true);
  });

  it("makes an add-on in report-only mode when asked, and an enforcing one by default", async () => {
    const staged = await provisionAddon({ origins: ["http://localhost:3000"], reportOnly: true });
    const enforcing = await provisionAddon({ origins: ["http://localhost:3000"] });
    const modes = await db.asapAddon.findMany({ where: { id: { in: [staged.addon.id, enforcing.addon.id] } }, select: { id: true, reportOnly: true } });
    expect(Object.fromEntries(modes.map((m) => [m.id, m.reportOnly]))).toEqual({ [staged.addon.id]: true, [enforcing.addon.id]: false });
  });

  it("refuses an add-on id, or a kid its add-on already has, with CONFLICT, and leaves nothing half-made", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    expect((await controlRefusal(provisionAddon({ id: addon.id, origins: [] }))).code).toBe("CONFLICT");
    expect((await controlRefusal(addKey(addon.id, { kid: key.kid, secret: SECRET }))).code).toBe("CONFLICT");
    expect(await db.asapKey.count({ where: { addonId: addon.id } })).toBe(1);
  });

  it("lets two add-ons use one kid: a kid names a key of its own add-on (two may read one JWKS)", async () => {
    const first = await provisionAddon({ origins: [] });
    const second = await provisionAddon({ origins: [], key: { kid: first.key.kid, secret: SECRET } });
    expect(second.key.kid).toBe(first.key.kid);
    expect((await loginWith(second.addon.id, second.key, { email: "ada@example.com" })).contact.email).toBe("ada@example.com");
  });
});

describe("keys", () => {
  it("adds a key to an add-on, and says ADDON_NOT_FOUND for an unknown one", async () => {
    const { addon } = await provisionAddon({ origins: [] });
    const second = await addKey(addon.id, { kid: `kid-${unique()}`, secret: SECRET });
    await expect(loginWith(addon.id, second)).resolves.toBeDefined();
    expect((await controlRefusal(addKey("addon_nobody", {}))).code).toBe("ADDON_NOT_FOUND");
  });

  it("adds a key that stops working at its expiresAt", async () => {
    const { addon } = await provisionAddon({ origins: [] });
    const expired = await addKey(addon.id, { expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect((await refusal(loginWith(addon.id, expired))).code).toBe("KEY_REVOKED");
  });

  it("revokes a key: its tokens are refused with KEY_REVOKED, and its sessions end", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    const { session } = await loginWith(addon.id, key);
    const revoked = await revokeKey(addon.id, key.kid);
    expect(revoked.kid).toBe(key.kid);
    expect((await refusal(loginWith(addon.id, key))).code).toBe("KEY_REVOKED");
    expect(await findSession(session.token)).toBeNull();
    expect((await controlRefusal(revokeKey(addon.id, key.kid))).code).toBe("CONFLICT");
  });

  it("says KEY_NOT_FOUND for a kid the add-on does not have, even one of another add-on", async () => {
    const { addon } = await provisionAddon({ origins: [] });
    const other = await provisionAddon({ origins: [] });
    expect((await controlRefusal(revokeKey(addon.id, other.key.kid))).code).toBe("KEY_NOT_FOUND");
    expect((await controlRefusal(rotateKey(addon.id, "no-such-kid", { overlapSeconds: 0 }))).code).toBe("KEY_NOT_FOUND");
    expect((await controlRefusal(revokeKey("addon_nobody", "k"))).code).toBe("ADDON_NOT_FOUND");
  });

  it("rotates with an overlap: old and new keys both log in until the overlap ends", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    const rotated = await rotateKey(addon.id, key.kid, { overlapSeconds: 3600 });
    expect(rotated.previous.kid).toBe(key.kid);
    expect(rotated.previous.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    await expect(loginWith(addon.id, key)).resolves.toBeDefined();
    await expect(loginWith(addon.id, rotated.key)).resolves.toBeDefined();
  });

  it("rotates without an overlap: the old key is refused at once, the given new one works", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    const next = { kid: `kid-${unique()}`, secret: SECRET };
    const rotated = await rotateKey(addon.id, key.kid, { overlapSeconds: 0, ...next });
    expect(rotated.key).toEqual(next);
    expect((await refusal(loginWith(addon.id, key))).code).toBe("KEY_REVOKED");
    await expect(loginWith(addon.id, next)).resolves.toBeDefined();
    expect((await controlRefusal(rotateKey(addon.id, key.kid, { overlapSeconds: 0 }))).code).toBe("CONFLICT");
  });
});
