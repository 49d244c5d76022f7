/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL's database, SQLite or
 * PostgreSQL. Running it again is a no-op.
 */
import { execFileSync } from "node:child_process";
import nextEnv from "@next/env";
import { migratePostgres } from "@/lib/shared/database/migrate-postgres";
import { describePostgresUrl } from "@/lib/shared/database/readiness";
import { serverEnvSchema } from "@/lib/shared/env-schema";
import { isPostgresUrl } from "@/lib/shared/prisma-client";

nextEnv.loadEnvConfig(process.cwd());

async function main() {
  const parsed = serverEnvSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "DATABASE_URL is not valid");
  const url = parsed.data;
  if (!isPostgresUrl(url)) {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    return;
  }
  console.log(`Applying PostgreSQL migrations to ${describePostgresUrl(url)}`);
  const applied = await migratePostgres(url, (line) => console.log(`  ${line}`));
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "Already up to date: nothing to apply.");
}

main().catch((error: unknown) => {
  console.error(`Migrating failed (nothing of the failed run was applied): ${(error as Error).message}`);
  process.exit(1);
});
