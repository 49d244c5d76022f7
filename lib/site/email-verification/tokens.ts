import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";

/**
 * Email verification links: 256 random bits, only their SHA-256 stored, valid 24 hours, bound to one
 * user and spendable once. Reading a token's state never spends it (mail scanners open links).
 */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
/** 32 bytes in base64url: anything else is not one of ours, and is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function issueVerificationToken(userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    // The user's dead links go as new ones come, so the table does not grow with every resend.
    db.emailVerificationToken.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.emailVerificationToken.create({ data: { userId, tokenHash: hash(token), expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS) } }),
  ]);
  return token;
}

export type TokenState = { status: "valid" | "used" | "expired"; userId: string } | { status: "unknown" };

/** What a link is, without spending it: for the page a link opens. */
export async function inspectVerificationToken(token: string, now = new Date()): Promise<TokenState> {
  if (!TOKEN_PATTERN.test(token)) return { status: "unknown" };
  const row = await db.emailVerificationToken.findUnique({ where: { tokenHash: hash(token) }, select: { userId: true, usedAt: true, expiresAt: true } });
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used", userId: row.userId };
  return { status: row.expiresAt > now ? "valid" : "expired", userId: row.userId };
}

export type Confirmation = { ok: true } | { ok: false; reason: "unknown" | "used" | "expired" | "other-user" };

/**
 * Spends the link for `userId` (the signed-in user: holding the link is not enough, the password
 * must be known too) and marks the address verified. The conditional update lets exactly one of two
 * racing confirmations win.
 */
export async function confirmVerificationToken(token: string, userId: string, now = new Date()): Promise<Confirmation> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "unknown" };
  const tokenHash = hash(token);
  const won = await transaction(async (tx) => {
    const spent = await tx.emailVerificationToken.updateMany({ where: { tokenHash, userId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) return false;
    await tx.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: now } });
    // Any other link still in the inbox has nothing left to do.
    await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return true;
  });
  if (won) return { ok: true };
  const state = await inspectVerificationToken(token, now);
  if (state.status === "unknown") return { ok: false, reason: "unknown" };
  if (state.userId !== userId) return { ok: false, reason: "other-user" };
  return { ok: false, reason: state.status === "valid" ? "used" : state.status };
}
