/**
 * Generates both Prisma clients: SQLite's (`@prisma/client`) and PostgreSQL's (`prisma-client-pg`),
 * each from its schema. `--write-schema` first derives the PostgreSQL schema from prisma/schema.prisma
 * (npm run db:generate); postinstall generates from the committed files as they are.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync, readFileSync } from "node:fs";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, toPostgresSchema } from "./postgres-schema";

if (process.argv.includes("--write-schema")) {
  writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${POSTGRES_SCHEMA}.`);
}

// prisma.config.ts picks the schema by DATABASE_URL. Any URL of the right kind will do: generate
// connects to nothing, but without one Prisma 6.19 tries to download a native engine.
for (const url of ["file:./prisma/dev.db", "postgresql://localhost:5432/generate"]) {
  execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
}
