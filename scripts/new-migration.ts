/**
 * Writes a new migration from the schema changes since the last one: `npm run db:new-migration -- <name>`.
 *
 * `prisma migrate dev` needs the native schema engine (not downloadable offline), and `migrate diff
 * --from-migrations` needs a shadow database the JS engine cannot open for SQLite. So this diffs two
 * schema files instead: the schema as committed with the newest migration, and the working one.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const lastMigrationCommit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
if (!lastMigrationCommit) throw new Error("No committed migration to diff from");
const previous = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
writeFileSync(previous, git("show", `${lastMigrationCommit}:prisma/schema.prisma`));

const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (/^-- This is an empty migration\.\s*$/.test(sql.trim())) {
  console.log("The schema has not changed since the last migration: nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql: review it, run \`npm run db:migrate\`, and commit it with the schema.`);
