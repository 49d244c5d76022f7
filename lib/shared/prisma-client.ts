import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { PrismaClient as PostgresPrismaClient } from "prisma-client-pg";

export type { PrismaClient };

/** `postgresql://…` (or `postgres://…`) selects PostgreSQL; `file:…` SQLite. */
export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

export type DatabaseOptions = {
  /** PostgreSQL: the most connections this process holds open. */
  poolSize?: number;
};

/**
 * A Prisma client for either database, chosen by the URL. The app uses the singleton in ./db;
 * scripts and tests call this with their own URL. Feature code sees one PrismaClient type: the two
 * generated clients have the same model API (scripts/db/postgres-schema.ts derives the second).
 *
 * SQLite: WAL lets readers proceed while a write is in flight; busy_timeout (better-sqlite3's
 * `timeout`) makes concurrent writers wait instead of failing with SQLITE_BUSY.
 * Both: `errorFormat: "minimal"` keeps Prisma from quoting the failed call, with code from the
 * bundled chunk, in error messages that may reach a log.
 */
export function createPrismaClient(databaseUrl: string, options: DatabaseOptions = {}): PrismaClient {
  if (isPostgresUrl(databaseUrl)) {
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    return new PostgresPrismaClient({ adapter, errorFormat: "minimal" }) as unknown as PrismaClient;
  }
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5_000 });
  const client = new PrismaClient({ adapter, errorFormat: "minimal" });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {
    // Reported by the first real query anyway; an unhandled rejection here would only add noise.
  });
  return client;
}
