import "server-only";
import { SATISFACTION_SCORES, type SatisfactionScore } from "@/lib/contract/vocabulary";
import { db } from "@/lib/shared/db";

/**
 * The portal's satisfaction figure: ratings given over the last `days` (by when they were first
 * given), counted per score, the share that is "good", and the latest comments with where they came from.
 */
export type SatisfactionSummary = {
  total: number;
  counts: Record<SatisfactionScore, number>;
  /** good / total, 0 to 1; null without ratings, rather than a misleading 0 %. */
  goodShare: number | null;
  recentComments: Array<{ score: string; comment: string; at: Date; ticketNumber: number | null; chatId: string | null }>;
};

export function shareOfGood(counts: Record<SatisfactionScore, number>): number | null {
  const total = SATISFACTION_SCORES.reduce((sum, score) => sum + counts[score], 0);
  return total === 0 ? null : counts.good / total;
}

export async function summariseSatisfaction(days = 30, now = new Date(), commentsShown = 5): Promise<SatisfactionSummary> {
  const since = { createdAt: { gte: new Date(now.getTime() - days * 86_400_000) } };
  const [groups, comments] = await Promise.all([
    db.satisfactionRating.groupBy({ by: ["score"], where: since, _count: { _all: true } }),
    db.satisfactionRating.findMany({
      where: { ...since, comment: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: commentsShown,
      select: { score: true, comment: true, createdAt: true, changedAt: true, chatId: true, ticket: { select: { number: true } } },
    }),
  ]);
  const counts = Object.fromEntries(SATISFACTION_SCORES.map((score) => [score, groups.find((g) => g.score === score)?._count._all ?? 0])) as Record<SatisfactionScore, number>;
  return {
    total: SATISFACTION_SCORES.reduce((sum, score) => sum + counts[score], 0),
    counts,
    goodShare: shareOfGood(counts),
    recentComments: comments.map((row) => ({
      score: row.score,
      comment: row.comment ?? "",
      at: row.changedAt ?? row.createdAt,
      ticketNumber: row.ticket?.number ?? null,
      chatId: row.chatId,
    })),
  };
}
