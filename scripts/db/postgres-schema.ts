/**
 * One data model, two databases. prisma/schema.prisma (SQLite) is the only schema anyone edits; the
 * PostgreSQL schema is derived from it here, because Prisma fixes the provider per schema file and
 * generates one client per provider. `npm run db:generate` writes it (postinstall runs that) and
 * `npm run db:check` fails when the committed copy is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/db/postgres-schema.ts: edit that file, then run
// \`npm run db:generate\`. The same model for PostgreSQL, with its own generated client.
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`${SQLITE_SCHEMA}: expected to find ${pattern}`);
  return text.replace(pattern, replacement);
}

export function toPostgresSchema(sqliteSchema: string): string {
  let schema = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  schema = replaceOnce(schema, /output\s*=\s*"\.\.\/node_modules\/\.prisma\/client"/, 'output     = "../../node_modules/prisma-client-pg"');
  return HEADER + schema;
}

function main() {
  const expected = toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {
      // missing: stale
    }
    if (current !== expected) {
      console.error(`${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run \`npm run db:generate\` and commit it.`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} matches ${SQLITE_SCHEMA}.`);
    return;
  }
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`Wrote ${POSTGRES_SCHEMA}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
