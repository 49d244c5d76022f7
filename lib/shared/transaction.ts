import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "./db";

/**
 * An interactive transaction that survives SQLite's one-writer rule across processes. A transaction
 * that reads before it writes must upgrade its lock; when another process wrote meanwhile, SQLite
 * answers "database is locked" at once (its busy timeout cannot help), and the only cure is to run
 * the transaction again. PostgreSQL never raises this, so there the loop runs once.
 */
const ATTEMPTS = 5;

function isBusy(error: unknown): boolean {
  return error instanceof Error && /database is locked|SQLITE_BUSY/i.test(error.message);
}

export async function transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work);
    } catch (error) {
      if (!isBusy(error) || attempt === ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
