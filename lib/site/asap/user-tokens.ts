import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/shared/db";
import type { SiteUser } from "@/lib/site/users";

/**
 * Legacy flow, site side: the opaque user token the browser carries to the Desk, which the Desk's
 * IAM server brings back to our JWT endpoint. 256 random bits, stored hashed, valid two minutes,
 * bound to one user, and redeemable once.
 */
export const USER_TOKEN_TTL_MS = 2 * 60 * 1000;

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function issueUserToken(userId: string): Promise<{ userToken: string; expiresAt: number }> {
  const userToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + USER_TOKEN_TTL_MS);
  await db.userToken.create({ data: { userId, tokenHash: hash(userToken), expiresAt } });
  return { userToken, expiresAt: expiresAt.getTime() };
}

export type Redemption = { ok: true; user: SiteUser } | { ok: false; reason: "unknown" | "expired" | "used" };

/** Spends a user token: the conditional update lets exactly one of two racing redemptions win. */
export async function redeemUserToken(userToken: string): Promise<Redemption> {
  const tokenHash = hash(userToken);
  const now = new Date();
  const spent = await db.userToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  const row = await db.userToken.findUnique({
    where: { tokenHash },
    select: { usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, emailVerified: true, createdAt: true } } },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (spent.count === 1) return { ok: true, user: row.user };
  return { ok: false, reason: row.usedAt ? "used" : "expired" };
}
