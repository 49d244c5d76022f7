import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import type { Addon, CreateAddonBody, CreateKeyBody, Key, RotateKeyBody } from "@/lib/contract/test-control";
import { recordAudit } from "@/lib/desk/audit";
import { iamNow } from "@/lib/desk/iam/clock";
import { secretFingerprint } from "@/lib/desk/keys/fingerprint";
import { sealSecret } from "@/lib/desk/keys/secret-box";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { env } from "@/lib/shared/env";
import { transaction } from "@/lib/shared/transaction";
import { TestControlError } from "./errors";

/**
 * Add-ons and keys made by a test rather than in the portal: the same rows (secrets sealed under
 * DESK_MASTER_KEY, fingerprints, audit entries), but with ids, kids and secrets the test may choose,
 * so it can sign tokens without a portal click. Audit entries have no agent: the API made them.
 */

type Tx = Prisma.TransactionClient;
export type KeySpec = { kid: string; secret: string; expiresAt?: Date | null };
export type AddonSpec = Omit<CreateAddonBody, "key" | "id"> & { id: string };

const masterKey = () => Buffer.from(env.DESK_MASTER_KEY, "base64url");
export const newSecret = () => randomBytes(32).toString("base64url");
const newKid = () => `k_test_${randomBytes(4).toString("hex")}`;
const audited = (detail: string) => `${detail} (test-control API)`;

const addonColumns = {
  id: true,
  name: true,
  authMode: true,
  newFlowEnabled: true,
  legacyFlowEnabled: true,
  clockSkewSeconds: true,
  sessionTtlSeconds: true,
  origins: { select: { origin: true }, orderBy: { origin: "asc" } },
} as const;

type AddonRow = Prisma.AsapAddonGetPayload<{ select: typeof addonColumns }>;

export function toAddon(row: AddonRow): Addon {
  return { ...row, authMode: row.authMode === "anonymous" ? "anonymous" : "jwt", origins: row.origins.map((o) => o.origin) };
}

async function insertKey(tx: Tx, addonId: string, key: KeySpec): Promise<void> {
  if (await tx.asapKey.findUnique({ where: { addonId_kid: { addonId, kid: key.kid } }, select: { id: true } })) {
    throw new TestControlError("CONFLICT", `The kid "${key.kid}" is taken: a kid names one key of its add-on.`, "Choose another kid, or leave it out for a fresh one.");
  }
  const fingerprint = secretFingerprint(key.secret);
  await tx.asapKey.create({
    data: { addonId, kid: key.kid, fingerprint, secretEncrypted: sealSecret(key.secret, key.kid, masterKey()), expiresAt: key.expiresAt ?? null },
  });
  await recordAudit(tx, { actorId: null, action: "key.create", target: `addon:${addonId}/key:${key.kid}`, detail: audited(`Added key ${key.kid} (fingerprint ${fingerprint})`) });
}

/** The add-on and its keys, in the caller's transaction (reset provisions several in one). */
export async function insertAddon(tx: Tx, spec: AddonSpec, keys: KeySpec[]): Promise<Addon> {
  if (await tx.asapAddon.findUnique({ where: { id: spec.id }, select: { id: true } })) {
    throw new TestControlError("CONFLICT", `The add-on id "${spec.id}" is taken.`, "Choose another id, or leave it out for a fresh one.");
  }
  const origins = [...new Set(spec.origins)];
  const row = await tx.asapAddon.create({
    data: {
      id: spec.id,
      name: spec.name ?? spec.id,
      authMode: spec.authMode ?? "jwt",
      newFlowEnabled: spec.newFlowEnabled ?? true,
      legacyFlowEnabled: spec.legacyEndpointUrl !== undefined,
      legacyEndpointUrl: spec.legacyEndpointUrl ?? null,
      ...(spec.clockSkewSeconds !== undefined ? { clockSkewSeconds: spec.clockSkewSeconds } : {}),
      ...(spec.sessionTtlSeconds !== undefined ? { sessionTtlSeconds: spec.sessionTtlSeconds } : {}),
      ...(spec.requireJti !== undefined ? { requireJti: spec.requireJti } : {}),
      ...(spec.reportOnly !== undefined ? { reportOnly: spec.reportOnly } : {}),
      origins: { create: origins.map((origin) => ({ origin })) },
    },
    select: addonColumns,
  });
  await recordAudit(tx, { actorId: null, action: "addon.create", target: `addon:${row.id}`, detail: audited(`Created "${row.name}"`) });
  for (const key of keys) await insertKey(tx, row.id, key);
  return toAddon(row);
}

/** Two racing calls with one id or kid: the loser's unique violation is the same CONFLICT. */
async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new TestControlError("CONFLICT", "An add-on id or kid in the request is taken.", "Choose other ids, or leave them out for fresh ones.");
    throw error;
  }
}

/** POST addons: an add-on with one key, the given one or a fresh one. */
export async function provisionAddon(input: CreateAddonBody): Promise<{ addon: Addon; key: Key }> {
  const { key: keyInput, id, ...settings } = input;
  const key = { kid: keyInput?.kid ?? newKid(), secret: keyInput?.secret ?? newSecret() };
  const addon = await inTransaction((tx) => insertAddon(tx, { ...settings, id: id ?? `addon_${randomBytes(6).toString("hex")}` }, [key]));
  return { addon, key };
}

async function requireAddon(tx: Tx, addonId: string): Promise<void> {
  if (!(await tx.asapAddon.findUnique({ where: { id: addonId }, select: { id: true } }))) {
    throw new TestControlError("ADDON_NOT_FOUND", `There is no add-on "${addonId}".`, "Create it first (POST addons), or check the id.");
  }
}

async function requireKey(tx: Tx, addonId: string, kid: string) {
  await requireAddon(tx, addonId);
  const key = await tx.asapKey.findFirst({ where: { addonId, kid }, select: { id: true, revokedAt: true, expiresAt: true } });
  if (!key) throw new TestControlError("KEY_NOT_FOUND", `The add-on "${addonId}" has no key "${kid}".`, "Use a kid this add-on's keys have.");
  return key;
}

/** POST addons/{id}/keys: another key for the add-on. */
export async function addKey(addonId: string, input: CreateKeyBody): Promise<Key> {
  const key = { kid: input.kid ?? newKid(), secret: input.secret ?? newSecret() };
  await inTransaction(async (tx) => {
    await requireAddon(tx, addonId);
    await insertKey(tx, addonId, { ...key, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null });
  });
  return key;
}

/** POST addons/{id}/keys/{kid}/revoke: refused from now on, and its sessions end at their next use. */
export async function revokeKey(addonId: string, kid: string): Promise<{ kid: string; revokedAt: Date }> {
  return inTransaction(async (tx) => {
    const key = await requireKey(tx, addonId, kid);
    if (key.revokedAt) throw new TestControlError("CONFLICT", `The key "${kid}" is already revoked.`, "Nothing to do: tokens it signs are refused.");
    const revokedAt = new Date();
    await tx.asapKey.update({ where: { id: key.id }, data: { revokedAt } });
    await recordAudit(tx, { actorId: null, action: "key.revoke", target: `addon:${addonId}/key:${kid}`, detail: audited(`Revoked ${kid}: refused from now on`) });
    return { kid, revokedAt };
  });
}

/**
 * POST addons/{id}/keys/{kid}/rotate: a new key; the old one keeps working for the overlap, counted
 * on the IAM's clock (so a moved clock judges it consistently), or stops at once with overlap 0.
 */
export async function rotateKey(addonId: string, kid: string, input: RotateKeyBody): Promise<{ key: Key; previous: { kid: string; expiresAt: Date } }> {
  const key = { kid: input.kid ?? newKid(), secret: input.secret ?? newSecret() };
  return inTransaction(async (tx) => {
    const old = await requireKey(tx, addonId, kid);
    const now = iamNow();
    const retiresAt = new Date(now + input.overlapSeconds * 1000);
    // Live still when the overlap ends: a key already retiring sooner keeps its own end, as in the portal.
    const shortened = await tx.asapKey.updateMany({ where: { id: old.id, ...liveKeyWhere(retiresAt) }, data: { expiresAt: retiresAt } });
    const live = await tx.asapKey.count({ where: { id: old.id, ...liveKeyWhere(new Date(now)) } });
    if (shortened.count !== 1 && live !== 1) {
      throw new TestControlError("CONFLICT", `The key "${kid}" is not live: it was revoked or rotated out.`, "Rotate a live key, or add a key (POST addons/{addonId}/keys).");
    }
    await insertKey(tx, addonId, key);
    const expiresAt = (await tx.asapKey.findUniqueOrThrow({ where: { id: old.id }, select: { expiresAt: true } })).expiresAt ?? retiresAt;
    await recordAudit(tx, {
      actorId: null,
      action: "key.rotate",
      target: `addon:${addonId}/key:${kid}`,
      detail: audited(`Rotated ${kid} → ${key.kid}; ${kid} keeps working until ${expiresAt.toISOString()}`),
    });
    return { key, previous: { kid, expiresAt } };
  });
}
