/**
 * Help-center benchmark (run: `npm run bench:pages`). Starts the production stack the e2e suite uses
 * (scripts/e2e-server.ts: next build + next start, seeded SQLite), then, at a fixed concurrency:
 *  1. server time of /help, an article page and the signed-in ticket list next to a static file
 *     served by the same server (the floor): p50/p95 and ratios to the floor;
 *  2. throughput of the Desk API's public reads (categories, article list, search, article) next to
 *     /api/health (one SELECT 1), as ratios.
 * Writes the figures to bench/help-pages.json as well.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";

const CONCURRENCY = 8;
const REQUESTS = 200;

async function freePort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return String(port);
}

const [port, deskPort, legacyPort] = [await freePort(), await freePort(), await freePort()];
const base = `http://localhost:${port}`;
const stack = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
  env: { ...process.env, PORT: port, DESK_PORT: deskPort, LEGACY_PORT: legacyPort },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-(stack.pid ?? 0), "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stop);

for (let i = 0; ; i++) {
  if (i > 600) throw new Error("the server did not start within 5 minutes");
  if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// Sign in as the seeded demo user, through Auth.js's own endpoints, to read "my tickets".
const csrf = await fetch(`${base}/api/auth/csrf`);
const csrfCookie = (csrf.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
  body: new URLSearchParams({ csrfToken, email: "ada@example.com", password: "northwind-demo", callbackUrl: "/" }),
});
const session = [csrfCookie, ...(signIn.headers.getSetCookie() ?? []).map((c) => c.split(";")[0])].join("; ");

async function measure(path: string, cookie?: string) {
  const timings: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const start = performance.now();
      const response = await fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      timings.push(performance.now() - start);
    }
  };
  for (let i = 0; i < 20; i++) await (await fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).arrayBuffer(); // warm-up
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const perSecond = timings.length / ((performance.now() - started) / 1000);
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), perSecond };
}

const floor = await measure("/asap/sdk.js");
type Measured = Awaited<ReturnType<typeof measure>>;
const rows: Array<[string, Measured]> = [
  ["static file /asap/sdk.js (floor)", floor],
  ["/help", await measure("/help")],
  ["/help/articles/add-a-custom-domain", await measure("/help/articles/add-a-custom-domain")],
  ["/help/tickets (signed in)", await measure("/help/tickets", session)],
];
console.log(`\nServer time, ${REQUESTS} requests per page at concurrency ${CONCURRENCY}`);
for (const [label, { p50, p95 }] of rows) {
  console.log(
    `  ${label.padEnd(38)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms   ×floor p50 ${(p50 / floor.p50).toFixed(1).padStart(6)}  p95 ${(p95 / floor.p95).toFixed(1).padStart(6)}`,
  );
}
const health = await measure("/api/health");
const api = "/desk/api/asap/v1";
const reads: Array<[string, Measured]> = [
  ["categories", await measure(`${api}/categories`)],
  ["article list", await measure(`${api}/articles`)],
  ["search (q=custom domain)", await measure(`${api}/articles?q=custom%20domain`)],
  ["article", await measure(`${api}/articles/add-a-custom-domain`)],
];
console.log(`\nDesk API reads, ${REQUESTS} requests each at concurrency ${CONCURRENCY}, against /api/health (${health.perSecond.toFixed(0)}/s)`);
for (const [label, { perSecond }] of reads) {
  console.log(`  ${label.padEnd(38)} ${perSecond.toFixed(0).padStart(7)}/s   ×health ${(perSecond / health.perSecond).toFixed(2).padStart(6)}`);
}

writeFileSync(
  path.join(import.meta.dirname, "help-pages.json"),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      pages: Object.fromEntries(rows.map(([label, m]) => [label, { p50Ms: m.p50, p95Ms: m.p95, perSecond: m.perSecond, p50VsFloor: m.p50 / floor.p50 }])),
      deskReads: Object.fromEntries(reads.map(([label, m]) => [label, { perSecond: m.perSecond, vsHealth: m.perSecond / health.perSecond }])),
      healthPerSecond: health.perSecond,
    },
    null,
    2,
  ),
);
stop();
process.exit(0);
