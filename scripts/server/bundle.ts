/**
 * The production server: server.ts compiled by esbuild into one ES module, dist/server.mjs, which
 * plain `node` runs. Running it under tsx instead costs every request: tsx's loader hooks answer
 * each dynamic import() off-thread, and Next.js imports its cache handler that way on every request
 * for a page or a route handler (~12% of a cached page's CPU on this machine). Packages stay
 * external, resolved from node_modules as before; building takes a few milliseconds, so every start
 * builds afresh and never runs a stale copy. The file is replaced whole (written beside it, then
 * renamed), so instances starting together from one checkout never load half of one. `npm run dev`
 * keeps tsx (development mode).
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
export const SERVER_BUNDLE = path.join(root, "dist/server.mjs");

/** Builds dist/server.mjs and returns its path. */
export function buildServer(): string {
  const [output] = buildSync({
    absWorkingDir: root,
    entryPoints: ["server.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // The routes the server answers itself (server.ts) import it; outside Next.js's react-server
    // build the package throws by design, and this code only ever runs on the server.
    alias: { "server-only": "./scripts/server/server-only.ts" },
    logLevel: "warning",
    write: false,
  }).outputFiles;
  if (!output) throw new Error("esbuild produced no server bundle");
  mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
  const partial = `${SERVER_BUNDLE}.${randomUUID()}.partial`;
  writeFileSync(partial, output.contents);
  renameSync(partial, SERVER_BUNDLE);
  return SERVER_BUNDLE;
}
