import "server-only";
import { db } from "@/lib/shared/db";

export type FlowStats = { succeeded: number; failed: number; lastUsedAt: Date | null };

/** Per flow, the last 24 hours of login attempts and the last successful login: migration progress. */
export async function getFlowStats(addonId: string, now = new Date()): Promise<Record<"new" | "legacy", FlowStats>> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [counts, lastUsed] = await Promise.all([
    // A row may stand for several identical failures: count them all.
    db.loginEvent.groupBy({ by: ["flow", "outcome"], where: { addonId, lastSeenAt: { gte: since } }, _sum: { count: true } }),
    db.loginEvent.groupBy({ by: ["flow"], where: { addonId, outcome: "success" }, _max: { createdAt: true } }),
  ]);
  const stats = (flow: "new" | "legacy"): FlowStats => ({
    succeeded: counts.find((c) => c.flow === flow && c.outcome === "success")?._sum.count ?? 0,
    failed: counts.find((c) => c.flow === flow && c.outcome === "failure")?._sum.count ?? 0,
    lastUsedAt: lastUsed.find((l) => l.flow === flow)?._max.createdAt ?? null,
  });
  return { new: stats("new"), legacy: stats("legacy") };
}

/**
 * How many logins of the last 24 hours the add-on refused while in report-only mode: each would
 * have shown its person an error, and left them a guest instead.
 */
export async function countReportOnlyRefusals(addonId: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const { _sum } = await db.loginEvent.aggregate({ where: { addonId, outcome: "failure", reportOnly: true, lastSeenAt: { gte: since } }, _sum: { count: true } });
  return _sum.count ?? 0;
}
