import { runner } from "node-pg-migrate";
import { POSTGRES_MIGRATIONS_DIR, POSTGRES_MIGRATIONS_TABLE } from "./migrations";

/**
 * Applies PostgreSQL's pending migrations with node-pg-migrate: all pending ones in one transaction
 * (PostgreSQL's DDL is transactional, so a failure leaves nothing half-applied), in name order, under
 * an advisory lock that makes instances deploying at once wait for each other. A re-run is a no-op.
 * Returns the names it applied.
 */
export async function migratePostgres(databaseUrl: string, log: (line: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: POSTGRES_MIGRATIONS_DIR,
    migrationsTable: POSTGRES_MIGRATIONS_TABLE,
    direction: "up",
    checkOrder: true,
    singleTransaction: true,
    advisoryLockMode: "wait",
    log: () => {}, // node-pg-migrate narrates every statement; we report per migration
  });
  for (const migration of applied) log(`applied ${migration.name}`);
  return applied.map((migration) => migration.name);
}
