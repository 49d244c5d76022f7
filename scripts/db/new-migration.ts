/**
 * Writes a new migration, for both databases, from the schema changes since the last one:
 * `npm run db:new-migration -- <name>`.
 *
 * `prisma migrate dev` needs the native schema engine (not downloadable offline), and `migrate diff
 * --from-migrations` needs a shadow database the JS engine cannot open. So this diffs two schema
 * files instead: the schema as committed with the newest migration, and the working one; once for
 * SQLite (prisma/migrations/<stamp>_<name>/migration.sql) and once for PostgreSQL
 * (prisma/migrations-pg/<stamp>_<name>.sql), whose schema is derived from the same file.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR } from "@/lib/shared/database/migrations";
import { CONTENT_REVISION_MIGRATION, tablesLosingTriggers } from "./content-revision-triggers";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "./postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const lastMigrationCommit = git("log", "-1", "--format=%H", "--", SQLITE_MIGRATIONS_DIR);
if (!lastMigrationCommit) throw new Error("No committed migration to diff from");
const scratch = mkdtempSync(path.join(tmpdir(), "schema-"));
const previousSqlite = git("show", `${lastMigrationCommit}:${SQLITE_SCHEMA}`);
writeFileSync(path.join(scratch, "sqlite.prisma"), previousSqlite);
mkdirSync(path.join(scratch, "postgres"));
writeFileSync(path.join(scratch, "postgres", "schema.prisma"), toPostgresSchema(previousSqlite));
writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));

// prisma.config.ts picks the dialect's schema and adapter by DATABASE_URL; the diff connects to nothing.
function diff(from: string, to: string, databaseUrl: string): string | null {
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return /^-- This is an empty migration\.\s*$/.test(sql.trim()) ? null : sql;
}

const sqlite = diff(path.join(scratch, "sqlite.prisma"), SQLITE_SCHEMA, "file:./prisma/dev.db");
if (!sqlite) {
  console.log("The schema has not changed since the last migration: nothing written.");
  process.exit(0);
}
// The JS schema engine opens a connection even to diff two files: any PostgreSQL server will do.
const postgresUrl = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const postgres = diff(path.join(scratch, "postgres", "schema.prisma"), POSTGRES_SCHEMA, postgresUrl) ?? "";

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(SQLITE_MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sqlite);
const postgresFile = path.join(POSTGRES_MIGRATIONS_DIR, `${stamp}_${name}.sql`);
writeFileSync(postgresFile, `-- Up Migration\n${postgres}`);
for (const table of tablesLosingTriggers(sqlite)) {
  console.warn(`! The SQLite migration rebuilds "${table}", which drops its content-revision triggers: add them again (see ${CONTENT_REVISION_MIGRATION}).`);
}
console.log(`Wrote ${dir}/migration.sql and ${postgresFile}: review both (data changes are yours to add),
run \`npm run db:migrate\`, and commit them with the schema. \`npm run db:check\` proves both match it.`);
