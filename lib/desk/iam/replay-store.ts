import "server-only";
import { execute, runSteps, type SqlSteps } from "@/lib/shared/database/sql-steps";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { iamDate } from "./clock";

const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/**
 * Claims a jti for an add-on in one statement, in the caller's transaction if it has one: the first
 * insert wins when two logins race with one token (the primary key), and a row left from a
 * long-expired token (not pruned yet), which no longer proves anything, is taken over.
 */
export function* claimJti(addonId: string, jti: string, expiresAt: Date, now = iamDate()): SqlSteps<"fresh" | "replayed"> {
  const claimed = yield* execute`INSERT INTO "UsedTokenId" ("addonId", "jti", "expiresAt") VALUES (${addonId}, ${jti}, ${expiresAt})
    ON CONFLICT ("addonId", "jti") DO UPDATE SET "expiresAt" = ${expiresAt} WHERE "UsedTokenId"."expiresAt" <= ${now}`;
  return claimed === 1 ? "fresh" : "replayed";
}

/** Drops expired jtis, at most once a minute per instance. A moved clock (test control) never prunes what the wall clock still needs. */
export async function pruneUsedTokenIds(prisma: PrismaClient): Promise<void> {
  const now = Math.min(iamDate().getTime(), Date.now());
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  await prisma.usedTokenId.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}

/**
 * Used jtis, per (add-on, jti), in the database: a jti spent on one app instance is refused on every
 * other. (The login claims inside its own transaction, with claimJti.)
 */
export function databaseReplayStore(prisma: PrismaClient, addonId: string) {
  return async function claim(jti: string, expiresAt: Date): Promise<"fresh" | "replayed"> {
    await pruneUsedTokenIds(prisma);
    return runSteps(prisma, claimJti(addonId, jti, expiresAt));
  };
}

export function peekReplayStore(prisma: PrismaClient, addonId: string) {
  return async function isUsed(jti: string): Promise<"fresh" | "replayed"> {
    const row = await prisma.usedTokenId.findUnique({ where: { addonId_jti: { addonId, jti } }, select: { expiresAt: true } });
    return row && row.expiresAt > iamDate() ? "replayed" : "fresh";
  };
}
