/**
 * The server Playwright tests run against: a production build (`next build` + the app's own server.ts, as `npm start` runs it) on a
 * fresh SQLite database with the demo seed and throwaway secrets. Started by playwright.config.ts.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshSecrets } from "./env-file";
import { buildServer } from "./server/bundle";
import { startMailCatcher } from "./mail-catcher";

const port = process.env.PORT;
const deskPort = process.env.DESK_PORT;
const legacyPort = process.env.LEGACY_PORT;
if (!port || !deskPort || !legacyPort) throw new Error("PORT, DESK_PORT and LEGACY_PORT are not set: start this through `npx playwright test`");

// The app's mail (sign-up verification) goes over real SMTP to a catcher on free ports, in this
// process; specs read it over the catcher's HTTP API.
const catcher = await startMailCatcher();
console.log(`[e2e-server] mail catcher: SMTP ${catcher.smtpUrl}, HTTP ${catcher.httpUrl}`);

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
  // Both processes serve one Desk: one database, one attachment store.
  ATTACHMENTS_DIR: path.join(dir, "attachments"),
  AUTH_TRUST_HOST: "true",
  ASAP_ADDON_ID: "addon_demo",
  ASAP_JWT_KID: "demo-key-1",
  // The site embeds the widget from the second process: another origin, as in production.
  DESK_BASE_URL: `http://127.0.0.1:${deskPort}`,
  SITE_URL: `http://localhost:${port}`,
  SMTP_URL: catcher.smtpUrl,
  MAIL_CATCHER_URL: catcher.httpUrl,
  PORT: port,
  // Loopback only: this stack has seeded passwords, the test-control API and private endpoints allowed.
  LISTEN_HOST: "127.0.0.1",
  // The legacy-flow specs run their JWT endpoints on loopback (the SSRF guard is tested on its own).
  DESK_ALLOW_PRIVATE_ENDPOINTS: "true",
  // The test-control API (docs/test-control-api.md), for specs and the asap-playwright toolkit; on in
  // this production build only because it is said explicitly.
  DESK_TEST_CONTROL_TOKEN: randomBytes(32).toString("base64url"),
  DESK_TEST_CONTROL_IN_PRODUCTION: "true",
};

// Specs arrange data in this database (add-ons with sealed keys, users) and sign tokens with these.
const { AUTH_SECRET: _auth, ...shared } = env;
writeFileSync(
  path.join(dir, "env.json"),
  JSON.stringify({
    DATABASE_URL: shared.DATABASE_URL,
    DESK_MASTER_KEY: shared.DESK_MASTER_KEY,
    ASAP_JWT_SECRET: shared.ASAP_JWT_SECRET,
    ASAP_JWT_KID: shared.ASAP_JWT_KID,
    MAIL_CATCHER_URL: shared.MAIL_CATCHER_URL,
    DESK_TEST_CONTROL_TOKEN: shared.DESK_TEST_CONTROL_TOKEN,
  }),
  { mode: 0o600 },
);

const step = (title: string, args: string[]) => {
  console.log(`[e2e-server] ${title}`);
  execFileSync("npx", args, { env, stdio: "inherit" });
};

step("migrating a fresh database", ["prisma", "migrate", "deploy"]);
step("seeding demo data", ["prisma", "db", "seed"]);
step("building the widget into public/asap/", ["tsx", "widget/build.ts"]);
if (process.env.E2E_SKIP_BUILD === "1") console.log("[e2e-server] E2E_SKIP_BUILD=1: reusing .next-e2e");
else step("building for production", ["next", "build"]);

const serverBundle = buildServer();

// Both processes' output is also kept in a file, so specs can check what they logged (no stack traces).
const log = createWriteStream(path.join(dir, "server.log"));
const children: ChildProcess[] = [];

function start(name: string, listenPort: string, extraEnv: Record<string, string> = {}) {
  console.log(`[e2e-server] starting the ${name} on port ${listenPort}`);
  // The app's own server (server.ts, compiled), as `npm start` runs it: it decides each client's address.
  const child = spawn(process.execPath, [serverBundle], { env: { ...env, PORT: listenPort, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      log.write(chunk);
      process.stdout.write(chunk);
    });
  }
  child.on("exit", (code) => {
    console.log(`[e2e-server] the ${name} exited (${code})`);
    for (const other of children) other.kill("SIGTERM");
    process.exit(code ?? 1);
  });
  children.push(child);
}

async function waitUntilHealthy(listenPort: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${listenPort}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server on port ${listenPort} did not become healthy`);
}

// The Desk first: Playwright waits on the site's health URL, so once that answers both are up.
// The Desk stands as if behind a reverse proxy on loopback (TRUSTED_PROXIES): specs name a client's
// address in X-Forwarded-For, as such a proxy would. The site trusts no proxy, as by default.
start("cross-origin Desk", deskPort, { TRUSTED_PROXIES: "loopback" });
start("legacy-flow site", legacyPort, { ASAP_FLOW: "legacy" });
await Promise.all([waitUntilHealthy(deskPort), waitUntilHealthy(legacyPort)]);
start("site", port);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
