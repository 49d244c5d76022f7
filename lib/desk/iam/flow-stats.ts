import "server-only";
import { db } from "@/lib/shared/db";

export type FlowStats = { succeeded: number; failed: number; lastUsedAt: Date | null };

/** Per flow, the last 24 hours of login attempts and the last successful login: migration progress. */
export async function getFlowStats(addonId: string, now = new Date()): Promise<Record<"new" | "legacy", FlowStats>> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [counts, lastUsed] = await Promise.all([
    db.loginEvent.groupBy({ by: ["flow", "outcome"], where: { addonId, createdAt: { gte: since } }, _count: { _all: true } }),
    db.loginEvent.groupBy({ by: ["flow"], where: { addonId, outcome: "success" }, _max: { createdAt: true } }),
  ]);
  const stats = (flow: "new" | "legacy"): FlowStats => ({
    succeeded: counts.find((c) => c.flow === flow && c.outcome === "success")?._count._all ?? 0,
    failed: counts.find((c) => c.flow === flow && c.outcome === "failure")?._count._all ?? 0,
    lastUsedAt: lastUsed.find((l) => l.flow === flow)?._max.createdAt ?? null,
  });
  return { new: stats("new"), legacy: stats("legacy") };
}
