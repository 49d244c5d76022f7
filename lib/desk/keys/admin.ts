import "server-only";
import { randomBytes } from "node:crypto";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import { recordAudit } from "@/lib/desk/audit";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { transaction } from "@/lib/shared/transaction";
import { env } from "@/lib/shared/env";
import type { Prisma } from "@prisma/client";
import { secretFingerprint } from "./fingerprint";
import { parsePublicKey, PublicKeyError, serializeJwk, type PublicKey } from "./public-key";
import { sealSecret } from "./secret-box";

/**
 * Key life cycle: generate (the secret leaves the Desk exactly once, in the answer to this call) or
 * upload a public key (ES256, EdDSA: nothing secret is shared), rotate (a new key; the old one keeps
 * working for the chosen overlap), revoke (refused at once). Keys read from a JWKS URL live by their
 * document (./jwks-sync), but can be revoked here too.
 */
export type NewKey = { kid: string; secret: string; fingerprint: string };

/** A public key the admin uploaded: what the business's signer needs (kid, alg), nothing secret. */
export type UploadedKey = { kid: string; algorithm: PublicKey["algorithm"]; fingerprint: string };

/** What a rotation or an upload made: a secret to reveal once, or a public key's name. */
export type MadeKey = { kind: "secret"; key: NewKey } | { kind: "public"; key: UploadedKey };

const masterKey = () => Buffer.from(env.DESK_MASTER_KEY, "base64url");

const newKid = () => `k_${new Date().toISOString().slice(0, 10).replace(/-/g, "")}_${randomBytes(3).toString("hex")}`;

function newKeyMaterial(): NewKey {
  const secret = randomBytes(32).toString("base64url"); // 256 bits
  return { kid: newKid(), secret, fingerprint: secretFingerprint(secret) };
}

/** Refused input for a key (a paste that is not a usable public key): words for the form. */
export class KeyInputError extends Error {
  override name = "KeyInputError";
  constructor(
    message: string,
    /** The paste was a private key: never send it back to the browser. */
    readonly isPrivateKey = false,
  ) {
    super(message);
  }
}

async function readPublicKey(text: string): Promise<PublicKey> {
  try {
    return await parsePublicKey(text);
  } catch (error) {
    if (error instanceof PublicKeyError) throw new KeyInputError(error.message, error.isPrivateKey);
    throw error;
  }
}

/** The JWK's own kid (./public-key keeps only a usable one) when this add-on does not use it yet; else a fresh one. */
async function kidFor(tx: Prisma.TransactionClient, addonId: string, key: PublicKey): Promise<string> {
  if (key.kid) {
    const taken = await tx.asapKey.findUnique({ where: { addonId_kid: { addonId, kid: key.kid } }, select: { id: true } });
    if (!taken) return key.kid;
  }
  return newKid();
}

async function insertPublicKey(tx: Prisma.TransactionClient, addonId: string, key: PublicKey): Promise<UploadedKey> {
  const kid = await kidFor(tx, addonId, key);
  await tx.asapKey.create({ data: { addonId, kid, algorithm: key.algorithm, source: "uploaded", publicKey: serializeJwk(key.jwk), fingerprint: key.fingerprint } });
  return { kid, algorithm: key.algorithm, fingerprint: key.fingerprint };
}

export async function uploadPublicKey(addonId: string, text: string, actor: PortalAgent): Promise<UploadedKey> {
  const key = await readPublicKey(text);
  return transaction(async (tx) => {
    const made = await insertPublicKey(tx, addonId, key);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "key.upload",
      target: `addon:${addonId}/key:${made.kid}`,
      detail: `Uploaded ${made.algorithm} public key ${made.kid} (fingerprint ${made.fingerprint})`,
    });
    return made;
  });
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

/**
 * A new key for a live one, which keeps working for the overlap: a generated secret, or the public
 * key the admin pasted (`replacement`), whatever the old key's type.
 */
export async function rotateKey(addonId: string, oldKid: string, overlapSeconds: number, actor: PortalAgent, replacement?: string): Promise<MadeKey> {
  const publicKey = replacement?.trim() ? await readPublicKey(replacement) : null;
  const retiresAt = new Date(Date.now() + overlapSeconds * 1000);
  return transaction(async (tx) => {
    // Live still when the overlap ends: a key already retiring sooner keeps its own end.
    const retired = await tx.asapKey.updateMany({
      where: { addonId, kid: oldKid, source: { not: "jwks" }, ...liveKeyWhere(retiresAt) },
      data: { expiresAt: retiresAt },
    });
    if (retired.count !== 1) throw new KeyStateError(`Key ${oldKid} is not a live key of this add-on that the portal can rotate.`);
    let made: MadeKey;
    if (publicKey) {
      made = { kind: "public", key: await insertPublicKey(tx, addonId, publicKey) };
    } else {
      const key = newKeyMaterial();
      await tx.asapKey.create({
        data: { addonId, kid: key.kid, fingerprint: key.fingerprint, secretEncrypted: sealSecret(key.secret, key.kid, masterKey()) },
      });
      made = { kind: "secret", key };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "key.rotate",
      target: `addon:${addonId}/key:${oldKid}`,
      detail: `Rotated ${oldKid} → ${made.key.kid}${made.kind === "public" ? ` (${made.key.algorithm} public key)` : ""}; ${oldKid} keeps working until ${retiresAt.toISOString()}`,
    });
    return made;
  });
}

export async function revokeKey(addonId: string, kid: string, actor: PortalAgent): Promise<void> {
  await transaction(async (tx) => {
    const now = new Date();
    const revoked = await tx.asapKey.updateMany({ where: { addonId, kid, ...liveKeyWhere(now) }, data: { revokedAt: now } });
    if (revoked.count !== 1) throw new KeyStateError(`Key ${kid} is not a live key of this add-on.`);
    await recordAudit(tx, { actorId: actor.id, action: "key.revoke", target: `addon:${addonId}/key:${kid}`, detail: `Revoked ${kid}: refused from now on` });
  });
}
