import "server-only";
import type { DeflectionBody } from "@/lib/contract/desk-api/deflections";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { spendDeflection } from "./guest-limits";
import { PUBLISHED } from "./published";

/**
 * A suggested article opened from the ticket form, under its visit's key: once per (key, article),
 * however often it is opened. Refused with NOT_FOUND for an article that does not exist or is a draft.
 */
export async function recordDeflection({ key, articleId }: DeflectionBody, clientIp: string): Promise<void> {
  await spendDeflection(clientIp);
  const article = await db.article.findFirst({ where: { OR: [{ id: articleId }, { slug: articleId }], ...PUBLISHED }, select: { id: true } });
  if (!article) throw new AsapError("NOT_FOUND", "There is no such article.", "Suggest only articles the Desk listed.");
  await db.deflection.upsert({ where: { key_articleId: { key, articleId: article.id } }, create: { key, articleId: article.id }, update: {} });
}

/** A ticket sent from the visit: its suggestions did not avoid it. In the ticket's own transaction. */
export async function markDeflectionSubmitted(tx: Pick<PrismaClient, "deflection">, key: string, ticketId: string): Promise<void> {
  await tx.deflection.updateMany({ where: { key, ticketId: null }, data: { ticketId } });
}

/**
 * Tickets avoided over the last `days`: form visits where someone opened a suggested article and
 * sent no ticket (so far). One visit counts once, however many articles it opened.
 */
export async function countTicketsAvoided(days = 30, now = new Date()): Promise<{ avoided: number; suggestionsOpened: number }> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [avoided, opened] = await Promise.all([
    db.deflection.groupBy({ by: ["key"], where: { createdAt: { gte: since } }, _count: { ticketId: true } }),
    db.deflection.count({ where: { createdAt: { gte: since } } }),
  ]);
  return { avoided: avoided.filter((visit) => visit._count.ticketId === 0).length, suggestionsOpened: opened };
}
