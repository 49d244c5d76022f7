import type { SqlSteps } from "./sql-steps";

/**
 * Raw SQL as a tagged template, the one shape both a Prisma client (`db`, or a transaction's `tx`)
 * and the direct SQLite connection (./direct-sqlite.ts) offer: code written against it runs on
 * either, with its values bound as parameters, never spliced into the text.
 */
export type RawSql = {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

/**
 * RawSql with all-or-nothing work: what a login writes (lib/desk/iam/login.ts). The work is a
 * generator of statements (./sql-steps.ts), made afresh for each attempt, so that a transaction the
 * database refused can run again from the start.
 */
export type RawSqlDatabase = RawSql & {
  transaction<T>(work: () => SqlSteps<T>): Promise<T>;
};
