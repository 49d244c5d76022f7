import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres } from "@/lib/shared/database/migrate-postgres";

/**
 * Throwaway databases for the integration tests, the one place that knows how per dialect. Global
 * set-up migrates a template once per run; each test file then gets its own copy of it (a file copy
 * for SQLite, `CREATE DATABASE … TEMPLATE` for PostgreSQL), so files run in parallel and never see
 * each other's rows. Teardown removes everything the run created, on PostgreSQL by name prefix, so
 * databases made by test workers go too.
 */
export type DatabaseServer = { dialect: "sqlite" } | { dialect: "postgres"; adminUrl: string };
export type TemplateDatabase = { dialect: "sqlite"; file: string } | { dialect: "postgres"; adminUrl: string; name: string };

const suffix = () => randomBytes(6).toString("hex");

/** The URL of one database on the server an admin URL names. */
export function postgresUrl(adminUrl: string, database: string): string {
  return Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
}

async function onServer<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Global set-up: a database migrated with the committed migrations, and how to remove what the run made. */
export async function createTemplate(server: DatabaseServer): Promise<{ template: TemplateDatabase; teardown: () => Promise<void> }> {
  if (server.dialect === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "asap-int-"));
    const file = path.join(dir, "template.db");
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
    return { template: { dialect: "sqlite", file }, teardown: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { adminUrl } = server;
  // Unique per run, so parallel runs on one server (two CI jobs, a developer's watch mode) never meet.
  const name = `asap_test_${process.pid}_${randomBytes(3).toString("hex")}_template`;
  const prefix = name.slice(0, -"template".length);
  const teardown = () =>
    onServer(adminUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  try {
    await onServer(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
    await migratePostgres(postgresUrl(adminUrl, name));
    // Cloning needs a template nobody is connected to; refusing connections keeps it that way.
    await onServer(adminUrl, (admin) => admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`));
  } catch (error) {
    await teardown();
    throw error;
  }
  return { template: { dialect: "postgres", adminUrl, name }, teardown };
}

/** A fresh, migrated database of the template's dialect, for one test file: its DATABASE_URL. */
export async function databaseForFile(template: TemplateDatabase): Promise<string> {
  if (template.dialect === "sqlite") {
    const file = path.join(path.dirname(template.file), `${suffix()}.db`);
    copyFileSync(template.file, file);
    return `file:${file}`;
  }
  const name = template.name.replace(/template$/, suffix());
  await onServer(template.adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.name}"`));
  return postgresUrl(template.adminUrl, name);
}

/** A database with no tables at all (created), or only a name nobody created (`created: false`). */
export async function emptyDatabase(template: TemplateDatabase, { created = true } = {}): Promise<string> {
  if (template.dialect === "sqlite") {
    const file = path.join(path.dirname(template.file), `${suffix()}-empty.db`);
    if (created) new Database(file).close();
    return `file:${file}`;
  }
  const name = template.name.replace(/template$/, `${suffix()}_empty`);
  if (created) await onServer(template.adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  return postgresUrl(template.adminUrl, name);
}
