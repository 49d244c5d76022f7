/**
 * `npm run bench:scale-out`: login and ticket-creation throughput over HTTP for SQLite (one
 * instance) and PostgreSQL (one and two instances behind the loopback proxy), printed in one run as
 * ratios to PostgreSQL with one instance. Needs a production build (`npm run build:cluster`) and a
 * PostgreSQL server it may create throwaway databases on (BENCH_POSTGRES_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres). Loopback only; every loop is bounded.
 */
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SignJWT } from "jose";
import pg from "pg";
import { secretFingerprint } from "../lib/desk/keys/fingerprint";
import { sealSecret } from "../lib/desk/keys/secret-box";
import { createPrismaClient } from "../lib/shared/prisma-client";
import { startInstances } from "../scripts/cluster/instances";
import { startProxy } from "../scripts/cluster/proxy";
import { freePorts } from "./support/free-ports";
import { freshSecrets } from "../scripts/env-file";

const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-cluster";
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DIR = path.resolve(".tmp/bench-scale-out");

type Setup = { name: string; databaseUrl: string; instances: number };
type Result = { name: string; loginsPerSecond: number; ticketsPerSecond: number };

/** `count` requests, `concurrency` at a time; the rate of the whole run. Every request must succeed. */
async function throughput(count: number, concurrency: number, request: (i: number) => Promise<Response>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const response = await request(i);
        if (!response.ok) throw new Error(`request ${i} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
        await response.arrayBuffer();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function measure(setup: Setup): Promise<Result> {
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: setup.databaseUrl }, stdio: "ignore" });
  const secrets = freshSecrets();
  const [proxyPort, ...ports] = await freePorts(setup.instances + 1);
  const env = {
    ...process.env,
    ...secrets,
    DATABASE_URL: setup.databaseUrl,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    ASAP_ADDON_ID: "addon_demo",
    SITE_URL: "http://127.0.0.1",
    DESK_BASE_URL: "http://127.0.0.1",
    TRUSTED_PROXIES: "loopback",
  };
  const instances = await startInstances({ ports: ports as number[], env });
  const proxy = setup.instances > 1 ? await startProxy({ upstreams: instances.urls, port: proxyPort }) : null;
  const base = proxy?.url ?? (instances.urls[0] as string);
  const db = createPrismaClient(setup.databaseUrl);
  try {
    const addonId = `addon_${randomUUID().slice(0, 8)}`;
    const kid = `kid-${randomUUID().slice(0, 8)}`;
    const secret = randomBytes(32).toString("base64url");
    const masterKey = Buffer.from(secrets.DESK_MASTER_KEY, "base64url");
    await db.asapAddon.create({ data: { id: addonId, name: addonId, keys: { create: { kid, fingerprint: secretFingerprint(secret), secretEncrypted: sealSecret(secret, kid, masterKey) } } } });
    const key = new TextEncoder().encode(secret);
    const sign = (email: string) => {
      const now = Date.now();
      return new SignJWT({ email, email_verified: true, not_before: now, not_after: now + 300_000, jti: randomUUID() }).setProtectedHeader({ alg: "HS256", kid }).sign(key);
    };
    const tokens = await Promise.all(Array.from({ length: REQUESTS + 20 }, (_, i) => sign(`bench-${i % 50}@example.com`)));
    const login = (i: number) =>
      fetch(`${base}/desk/api/asap/v1/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ addonId, token: tokens[i] }) });

    await throughput(20, 4, (i) => login(REQUESTS + i)); // warm-up: compiled routes, pools, caches
    const loginsPerSecond = await throughput(REQUESTS, CONCURRENCY, login);

    const loggedIn = await fetch(`${base}/desk/api/asap/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ addonId, token: await sign("bench-tickets@example.com") }),
    });
    const bearer = ((await loggedIn.json()) as { session: { token: string } }).session.token;
    const ticket = () =>
      fetch(`${base}/desk/api/asap/v1/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ subject: "Bench", description: "Throughput" }),
      });
    await throughput(20, 4, ticket);
    const ticketsPerSecond = await throughput(REQUESTS, CONCURRENCY, ticket);
    return { name: setup.name, loginsPerSecond, ticketsPerSecond };
  } finally {
    await db.$disconnect();
    await proxy?.close();
    await instances.stop();
  }
}

async function main() {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`No production build in ${DIST_DIR}/: run \`npm run build:cluster\` first.`);
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const databases = [`asap_bench_${process.pid}_one`, `asap_bench_${process.pid}_two`];
  const urlFor = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  const results: Result[] = [];
  try {
    for (const name of databases) await admin.query(`CREATE DATABASE "${name}"`);
    const setups: Setup[] = [
      { name: "SQLite, 1 instance", databaseUrl: `file:${path.join(DIR, "bench.db")}`, instances: 1 },
      { name: "PostgreSQL, 1 instance", databaseUrl: urlFor(databases[0] as string), instances: 1 },
      { name: "PostgreSQL, 2 instances", databaseUrl: urlFor(databases[1] as string), instances: 2 },
    ];
    for (const setup of setups) {
      console.log(`… ${setup.name}`);
      results.push(await measure(setup));
    }
  } finally {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }

  const floor = results.find((r) => r.name === "PostgreSQL, 1 instance") as Result;
  console.log(`\nThroughput over HTTP, ${REQUESTS} requests at concurrency ${CONCURRENCY}, as ratios to PostgreSQL with 1 instance (one run, 2 cores):`);
  console.log(`  ${"setup".padEnd(26)}${"logins".padStart(10)}${"tickets".padStart(10)}`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(26)}${(r.loginsPerSecond / floor.loginsPerSecond).toFixed(2).padStart(10)}${(r.ticketsPerSecond / floor.ticketsPerSecond).toFixed(2).padStart(10)}`);
  }
  writeFileSync(path.join("bench", "scale-out.json"), `${JSON.stringify({ requests: REQUESTS, concurrency: CONCURRENCY, results }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
});
