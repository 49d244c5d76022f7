import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "@/lib/shared/db";

/** Who changed what in the portal, and when (no agent: the test-control API). Written in the same transaction as the change. */
export function recordAudit(tx: Prisma.TransactionClient, entry: { actorId: string | null; action: string; target: string; detail: string }) {
  return tx.auditEvent.create({ data: entry });
}

export function listAudit(targetPrefix: string, take = 50) {
  return db.auditEvent.findMany({
    where: { target: { startsWith: targetPrefix } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, target: true, detail: true, createdAt: true, actor: { select: { name: true } } },
  });
}
