import path from "node:path";
import nextEnv from "@next/env";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The same .env files Next.js reads, so the CLI and the app always agree on DATABASE_URL.
nextEnv.loadEnvConfig(process.cwd());

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    // react-server: the seed reuses server-only modules (password hashing, secret sealing).
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  // The WebAssembly schema engine: nothing native is downloaded, so migrations work offline.
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (run `npm run setup` to create .env)");
    return new PrismaBetterSQLite3({ url });
  },
});
