import "server-only";
import { randomBytes } from "node:crypto";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import { recordAudit } from "@/lib/desk/audit";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { transaction } from "@/lib/shared/transaction";
import { env } from "@/lib/shared/env";
import { secretFingerprint } from "./fingerprint";
import { sealSecret } from "./secret-box";

/**
 * Key life cycle: generate (the secret leaves the Desk exactly once, in the answer to this call),
 * rotate (a new key; the old one keeps working for the chosen overlap), revoke (refused at once).
 */
export type NewKey = { kid: string; secret: string; fingerprint: string };

const masterKey = () => Buffer.from(env.DESK_MASTER_KEY, "base64url");

function newKeyMaterial(): NewKey {
  const secret = randomBytes(32).toString("base64url"); // 256 bits
  const kid = `k_${new Date().toISOString().slice(0, 10).replace(/-/g, "")}_${randomBytes(3).toString("hex")}`;
  return { kid, secret, fingerprint: secretFingerprint(secret) };
}

export async function generateKey(addonId: string, actor: PortalAgent): Promise<NewKey> {
  const key = newKeyMaterial();
  await transaction(async (tx) => {
    await tx.asapKey.create({
      data: { addonId, kid: key.kid, fingerprint: key.fingerprint, secretEncrypted: sealSecret(key.secret, key.kid, masterKey()) },
    });
    await recordAudit(tx, { actorId: actor.id, action: "key.create", target: `addon:${addonId}/key:${key.kid}`, detail: `Generated key ${key.kid} (fingerprint ${key.fingerprint})` });
  });
  return key;
}

export class KeyStateError extends Error {
  override name = "KeyStateError";
}

export async function rotateKey(addonId: string, oldKid: string, overlapSeconds: number, actor: PortalAgent): Promise<NewKey> {
  const key = newKeyMaterial();
  const retiresAt = new Date(Date.now() + overlapSeconds * 1000);
  await transaction(async (tx) => {
    // Live still when the overlap ends: a key already retiring sooner keeps its own end.
    const retired = await tx.asapKey.updateMany({
      where: { addonId, kid: oldKid, ...liveKeyWhere(retiresAt) },
      data: { expiresAt: retiresAt },
    });
    if (retired.count !== 1) throw new KeyStateError(`Key ${oldKid} is not a live key of this add-on.`);
    await tx.asapKey.create({
      data: { addonId, kid: key.kid, fingerprint: key.fingerprint, secretEncrypted: sealSecret(key.secret, key.kid, masterKey()) },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "key.rotate",
      target: `addon:${addonId}/key:${oldKid}`,
      detail: `Rotated ${oldKid} → ${key.kid}; ${oldKid} keeps working until ${retiresAt.toISOString()}`,
    });
  });
  return key;
}

export async function revokeKey(addonId: string, kid: string, actor: PortalAgent): Promise<void> {
  await transaction(async (tx) => {
    const now = new Date();
    const revoked = await tx.asapKey.updateMany({ where: { addonId, kid, ...liveKeyWhere(now) }, data: { revokedAt: now } });
    if (revoked.count !== 1) throw new KeyStateError(`Key ${kid} is not a live key of this add-on.`);
    await recordAudit(tx, { actorId: actor.id, action: "key.revoke", target: `addon:${addonId}/key:${kid}`, detail: `Revoked ${kid}: refused from now on` });
  });
}
