import { createHash } from "node:crypto";

/** Identifies a signing secret in the portal and logs without revealing it: 16 hex chars of its SHA-256. */
export function secretFingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex").slice(0, 16);
}
