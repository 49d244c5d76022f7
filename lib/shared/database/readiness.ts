import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../prisma-client";
import { committedMigrations, POSTGRES_MIGRATIONS_TABLE } from "./migrations";

/**
 * Whether the app can start on this database: reachable, and migrated to exactly the committed
 * migrations. Answers a sentence for a person, never a stack trace, and never the URL's password.
 */
export type Readiness = { ok: true } | { ok: false; problem: string };

const CONNECT_TIMEOUT_MS = 5_000;

/** What the driver's codes mean, in words (PostgreSQL's SQLSTATE or Node's network errors). */
const CONNECT_FAILURES: Record<string, string> = {
  "3D000": "there is no such database",
  "28P01": "the password was refused",
  "28000": "the server refused this user",
  ECONNREFUSED: "nothing listens at that address",
  ENOTFOUND: "the host name is unknown",
  ETIMEDOUT: "the connection timed out",
};

/** `applied` is null when the database has no record of migrations at all (no tables yet). */
function compare(committed: string[], applied: string[] | null, how: string): Readiness {
  if (applied === null) return { ok: false, problem: `The database has no tables yet: run \`${how}\` first.` };
  const pending = committed.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !committed.includes(name));
  if (unknown.length) {
    return { ok: false, problem: `The database has migrations this code does not know (${unknown.join(", ")}): it belongs to a newer version of the app.` };
  }
  if (pending.length) return { ok: false, problem: `The database is missing ${pending.length} migration(s) (${pending.join(", ")}): run \`${how}\`.` };
  return { ok: true };
}

/** host:port/database of a PostgreSQL URL: enough to find it, without the credentials. */
export function describePostgresUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "(an unparsable URL)";
  }
}

async function checkPostgres(databaseUrl: string): Promise<Readiness> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    const why = CONNECT_FAILURES[code] ?? (error as Error).message;
    return {
      ok: false,
      problem: `Cannot reach the PostgreSQL database at ${describePostgresUrl(databaseUrl)}: ${why}. Check that the server runs and that DATABASE_URL's host, port, database and credentials are right.`,
    };
  }
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${POSTGRES_MIGRATIONS_TABLE}"`);
    return compare(committedMigrations("postgres"), rows.map((row) => row.name), "npm run db:migrate");
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return compare(committedMigrations("postgres"), null, "npm run db:migrate");
    return { ok: false, problem: `The PostgreSQL database answered an error: ${(error as Error).message}` };
  } finally {
    await client.end().catch(() => {});
  }
}

function checkSqlite(databaseUrl: string): Readiness {
  const file = databaseUrl.replace(/^file:/, "");
  if (!existsSync(file)) return { ok: false, problem: `There is no SQLite database at ${file}: run \`npm run setup\` (or \`npm run db:migrate\`).` };
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return compare(committedMigrations("sqlite"), null, "npm run db:migrate");
    const rows = database.prepare("SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations").all() as Array<{
      name: string;
      finished: unknown;
      rolledBack: unknown;
    }>;
    const failed = rows.filter((row) => row.finished === null && row.rolledBack === null);
    if (failed.length) {
      return { ok: false, problem: `The migration ${failed.map((row) => row.name).join(", ")} was only half applied: see \`npx prisma migrate status\`, fix the database, then \`npx prisma migrate resolve\`.` };
    }
    return compare(committedMigrations("sqlite"), rows.filter((row) => row.finished !== null && row.rolledBack === null).map((row) => row.name), "npm run db:migrate");
  } finally {
    database.close();
  }
}

export async function checkDatabase(databaseUrl: string): Promise<Readiness> {
  return isPostgresUrl(databaseUrl) ? checkPostgres(databaseUrl) : checkSqlite(databaseUrl);
}
