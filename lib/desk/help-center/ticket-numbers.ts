import "server-only";
import type { Prisma } from "@prisma/client";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { dialect } from "@/lib/shared/database/dialect";

/**
 * Human ticket numbers (1001, 1002, …). PostgreSQL hands them out from a sequence, so concurrent
 * creations on several instances never collide (a rolled-back creation leaves a gap, as help desks
 * do). SQLite lets one writer in at a time, so the next number after the highest is safe there, and
 * the unique index backs it up.
 */
const SEQUENCE = '"Ticket_number_seq"';

export async function nextTicketNumber(tx: Prisma.TransactionClient): Promise<number> {
  if (dialect === "postgres") {
    const [row] = await tx.$queryRawUnsafe<Array<{ next: bigint }>>(`SELECT nextval('${SEQUENCE}') AS next`);
    return Number(row?.next);
  }
  const last = await tx.ticket.aggregate({ _max: { number: true } });
  return (last._max.number ?? 1000) + 1;
}

/** After tickets were written with explicit numbers (the seed), the sequence moves past them. */
export async function syncTicketNumbers(client: PrismaClient, databaseDialect = dialect): Promise<void> {
  if (databaseDialect !== "postgres") return;
  await client.$executeRawUnsafe(`SELECT setval('${SEQUENCE}', GREATEST((SELECT COALESCE(MAX("number"), 1000) FROM "Ticket"), 1000))`);
}
