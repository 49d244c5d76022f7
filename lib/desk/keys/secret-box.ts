// No `server-only` here: pure functions that hold no key themselves (callers pass DESK_MASTER_KEY), so
// test fixtures can seal keys for the e2e database too.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * ASAP signing secrets at rest: AES-256-GCM under DESK_MASTER_KEY, with the key's kid as associated
 * data so a ciphertext copied onto a key row with another kid fails to open (a kid is unique within
 * its add-on only, so not onto another add-on's key of the same kid). Format: "v1.<iv>.<ciphertext+tag>".
 */
const VERSION = "v1";

export function sealSecret(secret: string, kid: string, masterKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey, iv);
  cipher.setAAD(Buffer.from(kid, "utf8"));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function openSecret(box: string, kid: string, masterKey: Buffer): string {
  const [version, ivText, sealedText] = box.split(".");
  if (version !== VERSION || !ivText || !sealedText) throw new SecretBoxError("Unknown secret format");
  const sealed = Buffer.from(sealedText, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", masterKey, Buffer.from(ivText, "base64url"));
  decipher.setAAD(Buffer.from(kid, "utf8"));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The secret cannot be opened: wrong DESK_MASTER_KEY, or the row was altered");
  }
}
