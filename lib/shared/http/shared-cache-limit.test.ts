import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMicrocache } from "./microcache";
import { limitSharedCaching, SHARED_CACHE_CONTROL } from "./shared-cache-limit";

// A real server, the limit and the microcache in front as server.ts has them; behind them, answers
// with the Cache-Control Next.js gives each kind.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(upstream: (request: IncomingMessage, response: ServerResponse) => void) {
  const microcache = createMicrocache();
  server = createServer((request, response) => {
    if (microcache.serve(request, response)) return;
    limitSharedCaching(response);
    upstream(request, response);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (path: string) => (await fetch(`${base}${path}`)).headers.get("cache-control");
}

describe("limitSharedCaching", () => {
  it("tells caches in front to keep a page Next.js caches for a second, not for its revalidate period or a year", async () => {
    const get = await start((request, response) => {
      const year = request.url === "/pricing";
      response.setHeader("x-nextjs-cache", "HIT");
      response.setHeader("Cache-Control", year ? "s-maxage=31536000" : "s-maxage=300, stale-while-revalidate=31535700");
      response.end("<html></html>");
    });
    expect(await get("/help")).toBe(SHARED_CACHE_CONTROL);
    expect(await get("/help")).toBe(SHARED_CACHE_CONTROL); // and so says the microcache's copy
    expect(await get("/pricing")).toBe(SHARED_CACHE_CONTROL);
  });

  it("rewrites a Cache-Control given to writeHead too, in a copy of the caller's headers", async () => {
    const given: OutgoingHttpHeaders = { "Cache-Control": "s-maxage=300" };
    const get = await start((_request, response) => {
      response.writeHead(200, given);
      response.end();
    });
    expect(await get("/help")).toBe(SHARED_CACHE_CONTROL);
    expect(given).toEqual({ "Cache-Control": "s-maxage=300" });
  });

  it("leaves every other answer's Cache-Control as it is", async () => {
    for (const cacheControl of ["private, no-cache, no-store, max-age=0, must-revalidate", "s-maxage=300, private", "no-store", "public, max-age=30", "public, max-age=31536000, immutable", "public, s-maxage=0", undefined]) {
      const get = await start((_request, response) => {
        if (cacheControl) response.setHeader("Cache-Control", cacheControl);
        response.end();
      });
      expect(await get("/x"), cacheControl).toBe(cacheControl ?? null);
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;
    }
  });
});
