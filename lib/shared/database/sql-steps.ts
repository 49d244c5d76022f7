import type { RawSql } from "./raw-sql";

/**
 * Database work written once as a generator of SQL statements, run by whichever client the caller
 * has: asynchronously through Prisma (`runSteps`), or in one synchronous call on a bare SQLite
 * connection (./direct-sqlite.ts), where a transaction must never pause half-way. A step's answer
 * (rows, or the count of rows changed) comes back as the value of its `yield*`.
 */
export type SqlStep = { kind: "query" | "execute"; text: TemplateStringsArray; values: unknown[] };
export type SqlSteps<T> = Generator<SqlStep, T, unknown>;

/** Rows, as `$queryRaw` answers them. */
export function* query<Row>(text: TemplateStringsArray, ...values: unknown[]): SqlSteps<Row[]> {
  return (yield { kind: "query", text, values }) as Row[];
}

/** How many rows changed, as `$executeRaw` answers it. */
export function* execute(text: TemplateStringsArray, ...values: unknown[]): SqlSteps<number> {
  return (yield { kind: "execute", text, values }) as number;
}

/** Runs the steps one after the other on `client` (Prisma, or a transaction of it). */
export async function runSteps<T>(client: RawSql, steps: SqlSteps<T>): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const { kind, text, values } = next.value;
    const answer = kind === "query" ? await client.$queryRaw(text, ...values) : await client.$executeRaw(text, ...values);
    next = steps.next(answer);
  }
  return next.value;
}
