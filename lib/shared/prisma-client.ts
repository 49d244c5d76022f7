import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

export type { PrismaClient };

/**
 * A Prisma client over better-sqlite3. The app uses the singleton in ./db; scripts and tests call this
 * with their own URL. WAL lets readers proceed while a write is in flight; busy_timeout (better-sqlite3's
 * `timeout`) makes concurrent writers wait instead of failing with SQLITE_BUSY. Minimal error format:
 * the default quotes the failed call with source from the bundled chunk, tens of KB per error.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl, timeout: 5_000 });
  const client = new PrismaClient({ adapter, errorFormat: "minimal" });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {
    // Reported by the first real query anyway; an unhandled rejection here would only add noise.
  });
  return client;
}
