import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * What a guest holds instead of an account: a chat's visitorToken, a ticket's guestToken. Each is
 * 32 random bytes, handed out once; the Desk keeps only its SHA-256, so its database cannot give a
 * live token away. Unguessable, so a hash lookup needs no constant-time compare.
 */
export const newGuestToken = () => randomBytes(32).toString("base64url");
export const hashGuestToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
