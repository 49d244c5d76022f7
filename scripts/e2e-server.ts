/**
 * The server Playwright tests run against: a production build (`next build` + `next start`) on a
 * fresh SQLite database with the demo seed and throwaway secrets. Started by playwright.config.ts.
 */
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshSecrets } from "./env-file";

const port = process.env.PORT;
if (!port) throw new Error("PORT is not set: start this through `npx playwright test`");

const dir = path.resolve(".tmp/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...freshSecrets(),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-e2e",
  DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
  AUTH_TRUST_HOST: "true",
  ASAP_ADDON_ID: "addon_demo",
  ASAP_JWT_KID: "demo-key-1",
  DESK_BASE_URL: `http://localhost:${port}`,
  PORT: port,
};

// Specs arrange data in this database (add-ons with sealed keys, users) and sign tokens with these.
const { AUTH_SECRET: _auth, ...shared } = env;
writeFileSync(
  path.join(dir, "env.json"),
  JSON.stringify({ DATABASE_URL: shared.DATABASE_URL, DESK_MASTER_KEY: shared.DESK_MASTER_KEY, ASAP_JWT_SECRET: shared.ASAP_JWT_SECRET, ASAP_JWT_KID: shared.ASAP_JWT_KID }),
  { mode: 0o600 },
);

const step = (title: string, args: string[]) => {
  console.log(`[e2e-server] ${title}`);
  execFileSync("npx", args, { env, stdio: "inherit" });
};

step("migrating a fresh database", ["prisma", "migrate", "deploy"]);
step("seeding demo data", ["prisma", "db", "seed"]);
if (process.env.E2E_SKIP_BUILD === "1") console.log("[e2e-server] E2E_SKIP_BUILD=1: reusing .next-e2e");
else step("building for production", ["next", "build"]);

console.log(`[e2e-server] starting on http://localhost:${port}`);
// The server's output is also kept in a file, so specs can check what it logged (e.g. no stack traces).
const log = createWriteStream(path.join(dir, "server.log"));
const server = spawn("npx", ["next", "start", "-p", port], { env, stdio: ["ignore", "pipe", "pipe"] });
for (const stream of [server.stdout, server.stderr]) {
  stream.on("data", (chunk: Buffer) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
