import path from "node:path";
import nextEnv from "@next/env";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The same .env files Next.js reads, so the CLI and the app always agree on DATABASE_URL.
nextEnv.loadEnvConfig(process.cwd());
// Before `npm run setup` writes .env (e.g. `prisma generate` during `npm ci`), fall back to the demo
// database. Prisma 6.19's generate, left without a resolvable datasource URL, tries to download the
// native query engine, which fails offline.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;

// One model, two databases (scripts/db/postgres-schema.ts): a postgresql:// URL selects the derived
// PostgreSQL schema and the pg driver adapter, anything else SQLite's.
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    // react-server: the seed reuses server-only modules (password hashing, secret sealing).
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  // The WebAssembly schema engine: nothing native is downloaded, so migrations work offline.
  engine: "js",
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
