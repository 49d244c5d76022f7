import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { SessionToken } from "@/lib/contract/desk-api/session";
import { isKeyLive, keyState, type KeyDates } from "@/lib/contract/key-liveness";
import { clockOffsetMs, iamDate } from "@/lib/desk/iam/clock";
import { db } from "@/lib/shared/db";
import { execute, type SqlSteps } from "@/lib/shared/database/sql-steps";

/**
 * ASAP sessions: what a successful login hands the widget. The bearer is 256 random bits; only its
 * SHA-256 is stored, so a database leak yields no usable session. A session lives only as long as
 * what made it: its key (not revoked, not rotated out), its flow (still enabled) and its add-on's
 * JWT mode; changing any of these in the portal ends it at its next use.
 */
export type LoginFlow = "new" | "legacy";

export function hashBearer(bearer: string): string {
  return createHash("sha256").update(bearer, "utf8").digest("hex");
}

/** Opens a session, in the caller's transaction (the login's): one insert, the bearer's hash only. */
export function* openSession(input: { addonId: string; contactId: string; keyId: string; flow: LoginFlow; ttlSeconds: number }): SqlSteps<SessionToken> {
  const token = randomBytes(32).toString("base64url");
  const now = iamDate();
  const expiresAt = new Date(now.getTime() + input.ttlSeconds * 1000);
  yield* execute`INSERT INTO "AsapSession" ("id", "addonId", "contactId", "tokenHash", "flow", "keyId", "createdAt", "expiresAt")
    VALUES (${randomUUID()}, ${input.addonId}, ${input.contactId}, ${hashBearer(token)}, ${input.flow}, ${input.keyId}, ${new Date()}, ${expiresAt})`;
  return { token, expiresAt: expiresAt.toISOString(), expiresInSeconds: input.ttlSeconds };
}

type SessionRow = {
  flow: string;
  expiresAt: Date;
  revokedAt: Date | null;
  key: KeyDates | null;
  addon: { authMode: string; newFlowEnabled: boolean; legacyFlowEnabled: boolean };
};

/** Whether a session may still be used: the one rule every lookup applies. */
export function isSessionLive(session: SessionRow, now = iamDate()): boolean {
  if (session.revokedAt || session.expiresAt <= now) return false;
  const { addon, key } = session;
  if (addon.authMode !== "jwt") return false;
  if (!(session.flow === "legacy" ? addon.legacyFlowEnabled : addon.newFlowEnabled)) return false;
  // Sessions from before sessions were bound to a key have none; they end by their own expiry.
  if (key && !isKeyLive(key, now)) return false;
  return true;
}

const liveness = {
  flow: true,
  expiresAt: true,
  revokedAt: true,
  key: { select: { revokedAt: true, expiresAt: true } },
  addon: { select: { authMode: true, newFlowEnabled: true, legacyFlowEnabled: true } },
} as const;

/** The live session a bearer names, or null (unknown, expired, revoked, or its key, flow or mode gone). */
export async function findSession(bearer: string) {
  const session = await db.asapSession.findUnique({
    where: { tokenHash: hashBearer(bearer) },
    select: { id: true, addonId: true, ...liveness, contact: { select: { id: true, email: true, name: true } } },
  });
  if (!session || !isSessionLive(session)) return null;
  return { id: session.id, addonId: session.addonId, expiresAt: session.expiresAt, contact: session.contact };
}

/**
 * For long-lived work on behalf of a session (an event stream): until when it stays live if nothing
 * changes (its own end, or its key's rotation end), on the wall clock, or null when it is no longer live.
 */
export async function sessionLiveUntil(sessionId: string): Promise<Date | null> {
  const now = iamDate();
  const session = await db.asapSession.findUnique({ where: { id: sessionId }, select: liveness });
  if (!session || !isSessionLive(session, now)) return null;
  const key = session.key && keyState(session.key, now);
  const until = key?.phase === "rotating" && key.until < session.expiresAt ? key.until : session.expiresAt;
  return new Date(until.getTime() - clockOffsetMs());
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
