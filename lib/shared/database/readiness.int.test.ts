import { describe, expect, inject, it } from "vitest";
import { databaseForFile, emptyDatabase } from "@/test/integration/databases";
import { checkDatabase } from "./readiness";
import { POSTGRES_MIGRATIONS_TABLE } from "./migrations";
import { createPrismaClient } from "../prisma-client";

// What server.ts says at start-up, on this project's database (SQLite, or PostgreSQL in integration-pg).
const template = inject("templateDatabase");

/** Records a migration this code has never heard of, as a newer version of the app would. */
async function recordUnknownMigration(databaseUrl: string) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if (template.dialect === "postgres") {
      await prisma.$executeRawUnsafe(`INSERT INTO "${POSTGRES_MIGRATIONS_TABLE}" (name, run_on) VALUES ('29991231000000_from_the_future', now())`);
    } else {
      await prisma.$executeRawUnsafe(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('future', 'x', '29991231000000_from_the_future', 0, 0, 1)",
      );
    }
  } finally {
    await prisma.$disconnect();
  }
}

describe(`database readiness (${template.dialect})`, () => {
  it("is ready on a database migrated to exactly the committed migrations", async () => {
    expect(await checkDatabase(process.env.DATABASE_URL!)).toEqual({ ok: true });
  });

  it("names a database that does not exist, and how to create it", async () => {
    const readiness = await checkDatabase(await emptyDatabase(template, { created: false }));
    expect(readiness.ok).toBe(false);
    const problem = (readiness as { problem: string }).problem;
    if (template.dialect === "postgres") expect(problem).toMatch(/^Cannot reach the PostgreSQL database at 127\.0\.0\.1:\d+\/\S+: there is no such database\./);
    else expect(problem).toMatch(/^There is no SQLite database at \S+: run `npm run setup`/);
  });

  it("asks for the migrations on a database with no tables", async () => {
    expect(await checkDatabase(await emptyDatabase(template))).toEqual({ ok: false, problem: "The database has no tables yet: run `npm run db:migrate` first." });
  });

  it("refuses a database migrated by a newer version of the app", async () => {
    const newer = await databaseForFile(template);
    await recordUnknownMigration(newer);
    expect(await checkDatabase(newer)).toEqual({
      ok: false,
      problem: "The database has migrations this code does not know (29991231000000_from_the_future): it belongs to a newer version of the app.",
    });
  });
});
