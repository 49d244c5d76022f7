import Database from "better-sqlite3";
import type { RawSqlDatabase } from "./raw-sql";
import type { SqlSteps } from "./sql-steps";

/**
 * Raw SQL on a SQLite connection of its own, straight through better-sqlite3: for a hot path whose
 * few statements would otherwise cost far more in Prisma's client than in SQLite (about half a
 * millisecond a call, raw SQL included). Rows written here read back through Prisma alike: values
 * are bound exactly as Prisma's SQLite adapter binds them (sqliteValue).
 *
 * Two connections in one process must never wait for each other on the event loop: better-sqlite3's
 * busy timeout sleeps on it, and the holder of the lock needs it to finish. So every statement and
 * every transaction here runs whole in one synchronous call, never holding a lock while anything else
 * of the process runs, not even a promise's continuation; and this connection has no busy timeout:
 * while another connection (Prisma's, another process's) holds the write lock, the work is tried
 * again after a timer, for as long as Prisma's own connections would wait.
 */
export function openDirectSqlite(databaseUrl: string): RawSqlDatabase & { close(): void } {
  const connection = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 0 });
  const statements = new Map<string, Database.Statement>();

  function statementFor(text: TemplateStringsArray): Database.Statement {
    const joined = text.join("?");
    let statement = statements.get(joined);
    if (!statement) {
      statement = connection.prepare(joined);
      statements.set(joined, statement);
    }
    return statement;
  }
  const query = (text: TemplateStringsArray, values: unknown[]) => statementFor(text).all(...values.map(sqliteValue));
  const change = (text: TemplateStringsArray, values: unknown[]) => statementFor(text).run(...values.map(sqliteValue)).changes;

  /** Runs the steps to their end, each statement as it comes: inside a better-sqlite3 transaction, all at once. */
  function runNow<T>(steps: SqlSteps<T>): T {
    let next = steps.next();
    while (!next.done) {
      const { kind, text, values } = next.value;
      next = steps.next(kind === "query" ? query(text, values) : change(text, values));
    }
    return next.value;
  }
  // Made once (better-sqlite3 wraps the function for each call of `transaction`). Run with
  // .immediate(): BEGIN IMMEDIATE takes the write lock up front, so a busy database refuses before any step has run.
  const inTransaction = connection.transaction((work: () => SqlSteps<unknown>) => runNow(work()));

  return {
    $queryRaw: <T>(text: TemplateStringsArray, ...values: unknown[]) => retryWhileBusy(() => query(text, values) as T),
    $executeRaw: (text: TemplateStringsArray, ...values: unknown[]) => retryWhileBusy(() => change(text, values)),
    transaction: <T>(work: () => SqlSteps<T>) => retryWhileBusy(() => inTransaction.immediate(work) as T),
    close: () => connection.close(),
  };
}

/** A value as @prisma/adapter-better-sqlite3 binds it (its default "iso8601" timestamps, booleans as 0 and 1). */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value === undefined ? null : value;
}

const BUSY_RETRY_FOR_MS = 5_000; // as long as the Prisma client's connections wait (lib/shared/prisma-client.ts)

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("SQLITE_BUSY");
}

/** Runs `work` (synchronous, whole) now, and again after a timer while the database is busy. */
async function retryWhileBusy<T>(work: () => T): Promise<T> {
  const giveUpAt = performance.now() + BUSY_RETRY_FOR_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error) || performance.now() >= giveUpAt) throw error;
      // 1, 2, 4 … ms, at most 50, with jitter: other connections' writes take a few.
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}
