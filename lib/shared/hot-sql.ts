import "server-only";
import { openDirectSqlite } from "./database/direct-sqlite";
import type { RawSqlDatabase } from "./database/raw-sql";
import { runSteps } from "./database/sql-steps";
import { db } from "./db";
import { env } from "./env";
import { isPostgresUrl } from "./prisma-client";
import { transaction } from "./transaction";

/**
 * Raw SQL for the hottest paths, the login (lib/desk/iam/login.ts) and the content stamp every
 * public help-center read asks first (lib/desk/help-center/read-cache.ts): on SQLite a connection of
 * its own that skips Prisma's client (lib/shared/database/direct-sqlite.ts); on PostgreSQL the Prisma
 * client, whose pool and transactions the other instances' work shares. One per process, kept on
 * globalThis like `db`, so that the server's own code and Next.js's route bundles share it.
 */
const HOT_SQL = Symbol.for("asap-jwt-helpcenter.hot-sql");
const holder = globalThis as { [HOT_SQL]?: RawSqlDatabase };

export const hotSql: RawSqlDatabase = (holder[HOT_SQL] ??= isPostgresUrl(env.DATABASE_URL)
  ? {
      $queryRaw: (query, ...values) => db.$queryRaw(query, ...values),
      $executeRaw: (query, ...values) => db.$executeRaw(query, ...values),
      transaction: (work) => transaction((tx) => runSteps(tx, work())),
    }
  : openDirectSqlite(env.DATABASE_URL));
