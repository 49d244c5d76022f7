/**
 * `npm run start:cluster -- --instances 2 --port 3000`: N production instances of the app on one
 * database behind a round-robin proxy on loopback, to try scaling out on one machine (DESIGN §6).
 * Needs `npm run build` first and a DATABASE_URL (from .env or the environment); PostgreSQL is what
 * several instances are meant for. The proxy is the public face: SITE_URL and DESK_BASE_URL point at
 * it, and the instances trust it (TRUSTED_PROXIES=loopback) to name each client's address.
 * Ctrl-C stops everything.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { z } from "zod";
import { assertPortFree, startInstances } from "./instances";
import { startProxy } from "./proxy";

const argsSchema = z.object({
  instances: z.coerce.number({ error: "--instances must be a number" }).int().min(1, { error: "--instances must be at least 1" }).max(8, { error: "--instances may be at most 8 on one machine" }).default(2),
  port: z.coerce.number({ error: "--port must be a number" }).int().min(1024, { error: "--port must be 1024 or above" }).max(65_000).default(3000),
});

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const USAGE = "usage: npm run start:cluster -- [--instances N] [--port P]   (the proxy on P, the instances on P+1 …)";
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({ options: { instances: { type: "string" }, port: { type: "string" } }, strict: true }));
} catch (error) {
  fail(`${(error as Error).message}\n  ${USAGE}`);
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) fail(`${parsed.error.issues.map((issue) => issue.message).join("; ")}\n  ${USAGE}`);
const { instances: count, port } = parsed.data;

nextEnv.loadEnvConfig(process.cwd(), false);
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(distDir, "BUILD_ID"))) fail(`No production build in ${distDir}/: run \`npm run build\` first.`);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is not set: run `npm run setup` (writes .env), or set DATABASE_URL=postgresql://… for a shared PostgreSQL.");
if (databaseUrl.startsWith("file:")) {
  console.warn("! DATABASE_URL is a SQLite file: it works for instances on one machine only, and slowly; use PostgreSQL for a real cluster.");
}

const publicUrl = `http://localhost:${port}`;
// Checked before the instances' slow start, not after it.
await assertPortFree(port).catch((error: Error) => fail(`${error.message} (--port)`));
const instances = await startInstances({
  ports: Array.from({ length: count }, (_, i) => port + 1 + i),
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TRUSTED_PROXIES: "loopback", SITE_URL: publicUrl, DESK_BASE_URL: publicUrl },
  onUnexpectedExit: (instance) => console.warn(`! instance ${instance.name} died; the proxy passes over it. Restart the cluster to bring it back.`),
}).catch((error: Error) => fail(error.message));
const proxy = await startProxy({ upstreams: instances.urls, port, log: (line) => console.log(`[proxy] ${line}`) }).catch(async (error: NodeJS.ErrnoException) => {
  await instances.stop();
  return fail(error.code === "EADDRINUSE" ? `port ${port} is already in use: choose another with --port` : error.message);
});

console.log(`
▸ ${count} instance${count === 1 ? "" : "s"} on one database, behind a round-robin proxy:
  ${publicUrl}   (proxy: use this one)
${instances.list.map((instance) => `  ${instance.url}   instance ${instance.name}, pid ${instance.pid}`).join("\n")}
  Ctrl-C stops everything.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) process.exit(1); // a second Ctrl-C: the exit hook SIGKILLs what is left
    stopping = true;
    console.log("\n▸ stopping the proxy and the instances");
    await proxy.close();
    await instances.stop();
    process.exit(0);
  });
}
