import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";

/**
 * ASAP sessions: what a successful login hands the widget. The bearer is 256 random bits; only its
 * SHA-256 is stored, so a database leak yields no usable session.
 */
/** `expiresInSeconds` lets the widget schedule its refresh without trusting the browser's clock. */
export type AsapSessionToken = { token: string; expiresAt: string; expiresInSeconds: number };
export type SessionContact = { id: string; email: string; name: string };

export function hashBearer(bearer: string): string {
  return createHash("sha256").update(bearer, "utf8").digest("hex");
}

export async function openSession(input: { addonId: string; contactId: string; flow: "new" | "legacy"; ttlSeconds: number }): Promise<AsapSessionToken> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.ttlSeconds * 1000);
  await db.asapSession.create({
    data: { addonId: input.addonId, contactId: input.contactId, flow: input.flow, tokenHash: hashBearer(token), expiresAt },
  });
  return { token, expiresAt: expiresAt.toISOString(), expiresInSeconds: input.ttlSeconds };
}

/** The live session a bearer names, or null (unknown, expired or revoked). */
export async function findSession(bearer: string) {
  const session = await db.asapSession.findUnique({
    where: { tokenHash: hashBearer(bearer) },
    select: { id: true, addonId: true, expiresAt: true, revokedAt: true, contact: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  return { id: session.id, addonId: session.addonId, expiresAt: session.expiresAt, contact: session.contact };
}

/** Revokes the session a bearer names; true if there was a live one. */
export async function revokeSession(bearer: string): Promise<boolean> {
  const { count } = await db.asapSession.updateMany({
    where: { tokenHash: hashBearer(bearer), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** The bearer of an `Authorization: Bearer …` header, or null. */
export function bearerFrom(headers: Headers): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
