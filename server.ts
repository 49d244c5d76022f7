/**
 * The app's HTTP server: Next.js behind a thin node:http layer that does what route handlers cannot,
 * since they never see the socket: it decides the client's address from the socket and the trusted
 * proxies (TRUSTED_PROXIES) and hands it over in one header, and adds HSTS on HTTPS; in production it
 * answers repeats of shareable pages from a one-second cache (lib/shared/http/microcache.ts), and
 * tells caches in front of it to keep them no longer (lib/shared/http/shared-cache-limit.ts). Before
 * it listens, it checks the environment and the database, so a bad configuration is one clear
 * sentence. In production it answers the login itself, with the route module's own handler, and
 * leaves every other request to Next.js (lib/desk/api/serve-beside-next.ts says why). `npm run dev`
 * and `npm start` run it; `next dev` / `next start` alone would leave limits blind.
 */
import { createServer } from "node:http";
import nextEnv from "@next/env";
import next from "next";
import { checkDatabase } from "./lib/shared/database/readiness";
import { EnvError, parseServerEnv, type ServerEnv } from "./lib/shared/env-schema";
import { createMicrocache } from "./lib/shared/http/microcache";
import { limitSharedCaching } from "./lib/shared/http/shared-cache-limit";
import { proxyTrust, stampClientAddress } from "./lib/shared/http/trusted-proxy";
import { helpContentChanged } from "./lib/site/help-center/content-changed.mjs";

const dev = process.env.NODE_ENV !== "production";
nextEnv.loadEnvConfig(process.cwd(), dev);

function refuseToStart(problem: string): never {
  console.error(`\n✗ The app cannot start.\n${problem}\n`);
  process.exit(1);
}

let env: ServerEnv;
try {
  env = parseServerEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) refuseToStart(error.message);
  throw error;
}
const readiness = await checkDatabase(env.DATABASE_URL);
if (!readiness.ok) refuseToStart(readiness.problem);

const port = Number(process.env.PORT ?? 3000);
const trust = proxyTrust(env.TRUSTED_PROXIES);
const app = next({ dev, hostname: "localhost", port, ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();

// Development renders every page afresh, and marks none shareable: nothing to keep.
const microcache = dev ? null : createMicrocache();
helpContentChanged.subscribe(() => microcache?.clear());

// POST routes answered without Next.js's routing, by path. Imported once the environment is loaded
// and checked (they read it); development leaves them to Next.js, which reloads them as they change.
const besideNext = dev
  ? null
  : {
      serve: (await import("./lib/desk/api/serve-beside-next")).serveBesideNext,
      routes: new Map([["/desk/api/asap/v1/login", (await import("./app/desk/api/asap/v1/login/route")).POST]]),
      origin: `http://localhost:${port}`, // how Next.js names this server in a request's URL
    };

await app.prepare();
createServer((request, response) => {
  const { secure } = stampClientAddress(request, trust);
  // Browsers ignore HSTS over plain HTTP anyway; sent only where it means something.
  if (secure) response.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (microcache?.serve(request, response)) return;
  const route = request.method === "POST" ? besideNext?.routes.get(request.url?.split("?", 1)[0] ?? "") : undefined;
  if (route) return void besideNext?.serve(route, request, response, besideNext.origin);
  limitSharedCaching(response);
  void handle(request, response);
}).listen(port, env.LISTEN_HOST, () => {
  console.log(`> Ready on http://${env.LISTEN_HOST ?? "localhost"}:${port} (${dev ? "development" : "production"})`);
});
