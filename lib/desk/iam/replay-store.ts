import "server-only";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { iamDate } from "./clock";

const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/**
 * Used jtis, per (add-on, jti), in the database: a jti spent on one app instance is refused on every
 * other. The primary key makes the first insert win when two logins race with one token.
 */
export function databaseReplayStore(prisma: PrismaClient, addonId: string) {
  return async function claimJti(jti: string, expiresAt: Date): Promise<"fresh" | "replayed"> {
    const now = iamDate();
    // A moved clock (test control) never prunes what the wall clock still needs.
    await pruneExpired(prisma, new Date(Math.min(now.getTime(), Date.now())));
    try {
      await prisma.usedTokenId.create({ data: { addonId, jti, expiresAt } });
      return "fresh";
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // A row left from a long-expired token (not pruned yet) no longer proves anything: take it over.
    const takenOver = await prisma.usedTokenId.updateMany({
      where: { addonId, jti, expiresAt: { lte: now } },
      data: { expiresAt },
    });
    return takenOver.count === 1 ? "fresh" : "replayed";
  };
}

/** A read-only look, for the debugger: explaining a token must not spend it. */
export function peekReplayStore(prisma: PrismaClient, addonId: string) {
  return async function isUsed(jti: string): Promise<"fresh" | "replayed"> {
    const row = await prisma.usedTokenId.findUnique({ where: { addonId_jti: { addonId, jti } }, select: { expiresAt: true } });
    return row && row.expiresAt > iamDate() ? "replayed" : "fresh";
  };
}

async function pruneExpired(prisma: PrismaClient, now: Date) {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await prisma.usedTokenId.deleteMany({ where: { expiresAt: { lt: now } } });
}
