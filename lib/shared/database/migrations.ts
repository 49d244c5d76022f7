import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Where each database's committed migrations live, and how to tell what is applied. SQLite's are
 * Prisma Migrate's (prisma/migrations/<name>/migration.sql, applied by `prisma migrate deploy`);
 * PostgreSQL's are plain SQL files applied by node-pg-migrate, since `prisma migrate deploy` cannot
 * run over the pg driver adapter (prisma/orm#27403). Both are written by `npm run db:new-migration`.
 */
export const SQLITE_MIGRATIONS_DIR = path.join("prisma", "migrations");
export const POSTGRES_MIGRATIONS_DIR = path.join("prisma", "migrations-pg");
/** node-pg-migrate's record of applied PostgreSQL migrations (name, run_on). */
export const POSTGRES_MIGRATIONS_TABLE = "_asap_migrations";

export function committedMigrations(dialect: "sqlite" | "postgres", root = process.cwd()): string[] {
  if (dialect === "sqlite") {
    return readdirSync(path.join(root, SQLITE_MIGRATIONS_DIR), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }
  return readdirSync(path.join(root, POSTGRES_MIGRATIONS_DIR))
    .filter((name) => name.endsWith(".sql"))
    .map((name) => name.slice(0, -".sql".length))
    .sort();
}
