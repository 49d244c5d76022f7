/**
 * `npm run desk:simulator -- --port 4010 --config desk-simulator.json`: the Desk alone, as a test
 * double for another app's test suite. A fresh SQLite database per run (migrated, seeded with the
 * help center), the configured add-ons and keys (put in place by the test-control API's reset, the
 * same call tests make between them), the control API on, a production build, 127.0.0.1.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ResetAnswer } from "@/lib/contract/test-control";
import { freshSecrets } from "../env-file";
import { buildServer } from "../server/bundle";
import { loadSimulatorConfig, parseArgs, SimulatorConfigError, type LoadedConfig, type SimulatorOptions } from "./config";

const say = (line: string) => console.log(`[desk-simulator] ${line}`);

function fail(problem: string): never {
  console.error(`\n✗ The Desk simulator cannot start.\n${problem}\n`);
  process.exit(1);
}

let options: SimulatorOptions;
let loaded: LoadedConfig;
try {
  options = parseArgs(process.argv.slice(2), process.env);
  loaded = loadSimulatorConfig(options.configSource);
} catch (error) {
  if (error instanceof SimulatorConfigError) fail(error.message);
  throw error;
}

const { port, host } = options;
const baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
const controlToken = options.controlToken ?? randomBytes(32).toString("base64url");

if (await answers(`${baseUrl}/api/health`)) fail(`Something already answers on ${baseUrl}: choose another --port.`);

// Every run starts from nothing, so runs never depend on each other.
const dir = path.resolve(".tmp/desk-simulator", String(port));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const distDir = chooseBuildDir();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...freshSecrets(),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: distDir,
  DATABASE_URL: `file:${path.join(dir, "desk.db")}`,
  ATTACHMENTS_DIR: path.join(dir, "attachments"),
  PORT: String(port),
  LISTEN_HOST: host,
  DESK_BASE_URL: baseUrl,
  SITE_URL: baseUrl,
  // The app's own site needs these to start; the simulator's tests never use it.
  ASAP_ADDON_ID: loaded.config.addons[0]?.id ?? "addon_demo",
  ASAP_JWT_KID: "demo-key-1",
  AUTH_TRUST_HOST: "true",
  DESK_TEST_CONTROL_TOKEN: controlToken,
  // The simulator runs the production build, where the control API otherwise stays off.
  DESK_TEST_CONTROL_IN_PRODUCTION: "true",
  DESK_SIMULATOR_CONFIG: JSON.stringify(loaded.config),
  // The app under test, and its legacy JWT endpoint, usually run on this machine; a simulator that
  // others can reach must not be made to call into its network.
  DESK_ALLOW_PRIVATE_ENDPOINTS: String(!options.allowRemote),
};

function step(title: string, command: string, args: string[], show = false) {
  say(title);
  try {
    execFileSync(command, args, { env, stdio: show ? "inherit" : "pipe" });
  } catch (error) {
    const output = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? "";
    const errors = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    fail(`${title} failed:\n${`${output}\n${errors}`.trim().split("\n").slice(-20).join("\n")}`);
  }
}

/** NEXT_DIST_DIR if set; else an existing production build (.next, or the e2e suite's .next-e2e); else .next, to be built. */
function chooseBuildDir(): string {
  if (process.env.NEXT_DIST_DIR) return process.env.NEXT_DIST_DIR;
  return [".next", ".next-e2e"].find((candidate) => existsSync(path.join(candidate, "BUILD_ID"))) ?? ".next";
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

step("migrating a fresh database", "npx", ["prisma", "migrate", "deploy"]);
step("seeding the help center (articles, categories, community)", "npx", ["prisma", "db", "seed"]);
if (!existsSync(path.join("public", "asap", "sdk.js"))) step("building the widget into public/asap/", "npx", ["tsx", "widget/build.ts"]);
const buildId = path.join(distDir, "BUILD_ID");
if (options.rebuild || !existsSync(buildId)) {
  step(`building for production into ${distDir} (a few minutes; later runs reuse it)`, "npx", ["next", "build"], true);
} else {
  say(`reusing the production build in ${distDir} (built ${statSync(buildId).mtime.toISOString()}; --rebuild to rebuild)`);
}

say(`starting the Desk on ${baseUrl}`);
// Its own process group, signalled as a whole (the compiled server.ts: scripts/server/bundle.ts).
const server = spawn(process.execPath, [buildServer()], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  stopping = true;
  try {
    if (server.pid) process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
server.on("exit", (code, signal) => {
  if (!stopping) console.error(`[desk-simulator] the Desk exited (${code ?? signal}).`);
  else say("stopped");
  process.exit(stopping ? 0 : (code ?? 1));
});

for (let attempt = 0; !(await answers(`${baseUrl}/api/health`)); attempt++) {
  if (attempt > 240) {
    stop("SIGTERM");
    fail(`The Desk did not answer on ${baseUrl}/api/health within a minute.`);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}

// The configured state is what reset restores: the same call puts it in place at start.
const reset = await fetch(`${baseUrl}/desk/api/test-control/v1/reset`, {
  method: "POST",
  headers: { authorization: `Bearer ${controlToken}`, "content-type": "application/json" },
  body: "{}",
});
if (!reset.ok) {
  stop("SIGTERM");
  fail(`Provisioning the configured add-ons failed: HTTP ${reset.status} ${await reset.text()}`);
}
const { addons } = (await reset.json()) as ResetAnswer;

// For a suite's global set-up: where the Desk is and how to call it (secrets included: owner-only).
writeFileSync(
  path.join(dir, "simulator.json"),
  JSON.stringify({ baseUrl, controlToken, addons: loaded.config.addons.map(({ id, origins, keys }) => ({ id, origins, keys })) }, null, 2),
  { mode: 0o600 },
);

const generated = new Set(loaded.generatedKids);
const secretOf = (kid: string) => loaded.config.addons.flatMap((addon) => addon.keys).find((key) => key.kid === kid)?.secret;
console.log(`
┌──────────────────────────────────────────────────────────────────────
  Desk simulator ready on ${baseUrl}  (Ctrl-C stops it)
  Test-control API       ${baseUrl}/desk/api/test-control/v1/   (docs/test-control-api.md)
  Control token          ${options.controlToken ? "as given (--control-token / DESK_TEST_CONTROL_TOKEN)" : `${controlToken}   (generated: pass --control-token to choose it)`}
  Database               ${path.relative(process.cwd(), path.join(dir, "desk.db"))}  (fresh every run)
  Add-ons:
${addons
  .map((addon) => {
    const keys = addon.keys.map(({ kid }) => (generated.has(kid) ? `${kid} (generated secret: ${secretOf(kid)})` : kid)).join(", ") || "none";
    return `    ${addon.id}  ${addon.authMode}  origins: ${addon.origins.join(" ") || "none"}  keys: ${keys}`;
  })
  .join("\n")}
  Also in ${path.relative(process.cwd(), path.join(dir, "simulator.json"))}
└──────────────────────────────────────────────────────────────────────
`);
