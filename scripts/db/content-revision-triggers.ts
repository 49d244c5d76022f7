/**
 * Prisma knows nothing of the triggers that raise the help center's content revision, and SQLite
 * rebuilds a table (as "new_<Table>") for many changes, which drops its triggers: a new migration
 * that rebuilds one of these tables must create them again, as this migration did.
 */
export const CONTENT_REVISION_MIGRATION = "prisma/migrations/20261203080816_content_revision/migration.sql";
const TRIGGERED_TABLES = ["Article", "Category"];

/** The tables with content-revision triggers that a SQLite migration rebuilds, so drops their triggers. */
export function tablesLosingTriggers(sqliteMigration: string): string[] {
  return TRIGGERED_TABLES.filter((table) => sqliteMigration.includes(`CREATE TABLE "new_${table}"`));
}
