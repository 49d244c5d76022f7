/**
 * `npm run db:check`: proves the committed migrations of both databases build exactly the model in
 * prisma/schema.prisma. For each dialect it builds one database from the migrations and one straight
 * from the schema (`migrate diff --from-empty`), introspects both with `prisma db pull`, and compares.
 * PostgreSQL is checked when POSTGRES_ADMIN_URL names a server it may create throwaway databases on.
 * Also checks that prisma/postgres/schema.prisma is derived from the current schema.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres } from "@/lib/shared/database/migrate-postgres";
import { POSTGRES_MIGRATIONS_TABLE } from "@/lib/shared/database/migrations";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "./postgres-schema";

const prisma = (args: string[], databaseUrl: string, input?: string) =>
  execFileSync("npx", ["prisma", ...args], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: databaseUrl } });

/** The introspected model, without the lines that only say where it came from. */
const introspect = (databaseUrl: string) =>
  prisma(["db", "pull", "--print"], databaseUrl)
    .split("\n")
    .filter((line) => !/^\s*(\/\/|output\s*=|url\s*=)/.test(line))
    .join("\n");

function compare(dialect: string, fromMigrations: string, fromSchema: string): boolean {
  if (fromMigrations === fromSchema) {
    console.log(`✓ ${dialect}: the migrations build exactly the schema's model.`);
    return true;
  }
  const a = fromMigrations.split("\n");
  const b = fromSchema.split("\n");
  console.error(`✗ ${dialect}: the migrations and the schema disagree (run \`npm run db:new-migration -- <name>\`):`);
  for (const line of a.filter((l) => !b.includes(l))) console.error(`  migrations only: ${line.trim()}`);
  for (const line of b.filter((l) => !a.includes(l))) console.error(`  schema only:     ${line.trim()}`);
  return false;
}

function checkSqlite(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "db-check-"));
  try {
    const migrated = `file:${path.join(dir, "migrated.db")}`;
    const direct = `file:${path.join(dir, "direct.db")}`;
    prisma(["migrate", "deploy"], migrated);
    const sql = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", SQLITE_SCHEMA, "--script"], direct);
    const database = new Database(path.join(dir, "direct.db"));
    database.exec(sql);
    database.close();
    return compare("SQLite", introspect(migrated), introspect(direct));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Prisma's JS schema engine cannot introspect PostgreSQL yet ("Column type 'name' could not be
// deserialized"), so PostgreSQL's catalogue is compared directly: columns, indexes, constraints.
// Not triggers, constraint triggers included (contype 't'): Prisma's model cannot state them, so
// they are the migrations' own (the content revision's), and the authoring tests hold them.
const CATALOGUE = [
  `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '${POSTGRES_MIGRATIONS_TABLE}' ORDER BY 1`,
  `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '${POSTGRES_MIGRATIONS_TABLE}' ORDER BY 1`,
  `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 't' AND conrelid::regclass::text <> '${POSTGRES_MIGRATIONS_TABLE}' ORDER BY 1`,
];

async function describePostgres(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const query of CATALOGUE) lines.push(...(await client.query<{ line: string }>(query)).rows.map((row) => row.line));
    return lines.join("\n");
  } finally {
    await client.end();
  }
}

async function checkPostgres(adminUrl: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const names = [`asap_check_${process.pid}_migrated`, `asap_check_${process.pid}_direct`];
  const urlFor = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  try {
    for (const name of names) await admin.query(`CREATE DATABASE "${name}"`);
    const [migrated, direct] = names.map(urlFor) as [string, string];
    await migratePostgres(migrated);
    const sql = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"], direct);
    const target = new pg.Client({ connectionString: direct });
    await target.connect();
    await target.query(sql);
    await target.end();
    return compare("PostgreSQL", await describePostgres(migrated), await describePostgres(direct));
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  let ok = true;
  if (readFileSync(POSTGRES_SCHEMA, "utf8") !== toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"))) {
    console.error(`✗ ${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run \`npm run db:generate\` and commit it.`);
    ok = false;
  } else {
    console.log(`✓ ${POSTGRES_SCHEMA} is derived from ${SQLITE_SCHEMA}.`);
  }
  ok = checkSqlite() && ok;
  const adminUrl = process.env.POSTGRES_ADMIN_URL;
  if (adminUrl) ok = (await checkPostgres(adminUrl)) && ok;
  else console.log("- PostgreSQL: not checked (set POSTGRES_ADMIN_URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres).");
  process.exit(ok ? 0 : 1);
}

void main();
