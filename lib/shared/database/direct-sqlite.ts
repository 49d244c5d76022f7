import Database from "better-sqlite3";
import type { RawSql, RawSqlDatabase } from "./raw-sql";

/**
 * Raw SQL on a SQLite connection of its own, straight through better-sqlite3: for a hot path whose
 * few statements would otherwise cost far more in Prisma's client than in SQLite (about half a
 * millisecond a call, raw SQL included). Rows written here read back through Prisma alike: values
 * are bound exactly as Prisma's SQLite adapter binds them (sqliteValue).
 *
 * Two connections in one process must never wait for each other synchronously: better-sqlite3's busy
 * timeout sleeps on the event loop, which is what the other connection's open transaction needs in
 * order to end. So this connection has no busy timeout: a refused lock (SQLITE_BUSY) is retried after
 * a timer, and its transactions take the write lock up front and end within one turn of the event
 * loop (their work awaits only statements here, which answer at once), so they are never open while
 * the process waits on anything else.
 */
export function openDirectSqlite(databaseUrl: string): RawSqlDatabase & { close(): void } {
  const connection = new Database(databaseUrl.replace(/^file:/, ""), { timeout: 0 });
  const statements = new Map<string, Database.Statement>();
  // Settled when this connection's open transaction ends; null while none is open.
  let openTransaction: Promise<void> | null = null;

  function statementFor(query: TemplateStringsArray): Database.Statement {
    const text = query.join("?");
    let statement = statements.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  }
  const query = (text: TemplateStringsArray, values: unknown[]) => statementFor(text).all(...values.map(sqliteValue));
  const change = (text: TemplateStringsArray, values: unknown[]) => statementFor(text).run(...values.map(sqliteValue)).changes;

  // Inside a transaction: its statements run at once, on the lock it already holds.
  const inTransaction: RawSql = {
    $queryRaw: <T>(text: TemplateStringsArray, ...values: unknown[]) => Promise.resolve(query(text, values) as T),
    $executeRaw: (text: TemplateStringsArray, ...values: unknown[]) => Promise.resolve(change(text, values)),
  };

  /**
   * Runs `work` (synchronous) once no transaction of this connection is open, for it must not join
   * one; while another connection holds the write lock (SQLITE_BUSY), again after a timer.
   */
  async function whenFree<T>(work: () => T): Promise<T> {
    const giveUpAt = performance.now() + BUSY_RETRY_FOR_MS;
    for (let attempt = 0; ; attempt++) {
      while (openTransaction) await openTransaction;
      try {
        return work();
      } catch (error) {
        if (!isBusy(error) || performance.now() >= giveUpAt) throw error;
        // 1, 2, 4 … ms, at most 50, with jitter: other connections' writes take a few.
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 ** attempt) * (0.5 + Math.random())));
      }
    }
  }

  const begin = connection.prepare("BEGIN IMMEDIATE");
  const commit = connection.prepare("COMMIT");
  const rollback = connection.prepare("ROLLBACK");

  async function transaction<T>(work: (tx: RawSql) => Promise<T>): Promise<T> {
    let end = () => {};
    // The write lock must be let go within this turn of the event loop (see above): a transaction
    // that awaited anything else would stall every other connection of the process.
    let turned = false;
    let turn: NodeJS.Immediate | undefined;
    await whenFree(() => {
      begin.run();
      openTransaction = new Promise<void>((resolve) => (end = resolve));
      turn = setImmediate(() => (turned = true));
    });
    try {
      const result = await work(inTransaction);
      if (turned) throw new Error("A direct SQLite transaction awaited something other than its own statements: rolled back.");
      commit.run();
      return result;
    } catch (error) {
      if (connection.inTransaction) rollback.run();
      throw error;
    } finally {
      clearImmediate(turn);
      openTransaction = null;
      end();
    }
  }

  return {
    $queryRaw: <T>(text: TemplateStringsArray, ...values: unknown[]) => whenFree(() => query(text, values) as T),
    $executeRaw: (text: TemplateStringsArray, ...values: unknown[]) => whenFree(() => change(text, values)),
    transaction,
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
