import "server-only";
import { db } from "@/lib/shared/db";
import { logError } from "@/lib/shared/log-error";
import { thumbnailKey, type AttachmentStore } from "./store";

/**
 * Keeps the store and the database in step after whatever happened: uploads never sent (pending a
 * day), files that no row names (an upload that crashed before its insert, or whose carrier was
 * deleted), and writes that never finished. Files get an hour's grace, so an upload in progress,
 * between its write and its insert, is never taken for an orphan.
 */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const BATCH = 200;

export type SweepReport = { pendingRemoved: number; orphansRemoved: number; unfinishedRemoved: number };

export async function sweepAttachments(store: AttachmentStore, now = new Date()): Promise<SweepReport> {
  const report: SweepReport = { pendingRemoved: 0, orphansRemoved: 0, unfinishedRemoved: 0 };

  // Unsent uploads: the row goes first (so nothing can attach it any more), then its files.
  for (;;) {
    const stale = await db.attachment.findMany({ where: { attachedAt: null, createdAt: { lt: new Date(now.getTime() - PENDING_TTL_MS) } }, select: { id: true }, take: BATCH });
    if (stale.length === 0) break;
    for (const { id } of stale) {
      // Only if still pending: a message may have taken it a moment ago.
      const { count } = await db.attachment.deleteMany({ where: { id, attachedAt: null } });
      if (count === 0) continue;
      await Promise.all([store.delete(id), store.delete(thumbnailKey(id))]);
      report.pendingRemoved++;
    }
    if (stale.length < BATCH) break;
  }

  // Files no row names, past their grace.
  const graceEnd = new Date(now.getTime() - ORPHAN_GRACE_MS);
  let batch: string[] = [];
  const settle = async () => {
    const ids = [...new Set(batch.map((key) => key.split(".", 1)[0] ?? key))];
    const known = new Set((await db.attachment.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
    for (const key of batch) {
      if (known.has(key.split(".", 1)[0] ?? key)) continue;
      // One file that cannot be removed must not keep the sweep from the others.
      try {
        await store.delete(key);
        report.orphansRemoved++;
      } catch (error) {
        logError(`[attachments] the sweep could not remove ${key}:`, error);
      }
    }
    batch = [];
  };
  for await (const object of store.list()) {
    if (object.writtenAt >= graceEnd) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await settle();
  }
  if (batch.length) await settle();

  report.unfinishedRemoved = await store.discardUnfinished(graceEnd);
  return report;
}

/** After uploads, each app instance sweeps at most once an hour, in the background. */
let lastSweep = 0;
export function sweepNowAndThen(store: AttachmentStore): void {
  if (Date.now() - lastSweep < ORPHAN_GRACE_MS) return;
  lastSweep = Date.now();
  sweepAttachments(store).catch((error: unknown) => logError("[attachments] sweep failed:", error));
}
