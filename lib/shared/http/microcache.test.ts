import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createMicrocache, shareable, TTL_MS } from "./microcache";

// A real server with the cache in front, as server.ts has it; behind it, a handler answering as
// Next.js does for a cached page (headers set one by one, the body written in chunks), or not.
type Upstream = (request: IncomingMessage, response: ServerResponse) => void;
const PAGE_HEADERS = { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=300, stale-while-revalidate=31535700", "content-type": "text/html; charset=utf-8", vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding", etag: '"abc"' };

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(upstream: Upstream, options: { now?: () => number } = {}) {
  const cache = createMicrocache(options);
  const calls: string[] = [];
  server = createServer((request, response) => {
    if (cache.serve(request, response)) return;
    calls.push(`${request.method} ${request.url}`);
    upstream(request, response);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // node:http, not fetch: the bytes as sent, never decompressed on the way.
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      request(`${base}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    });
  return { cache, calls, get };
}

/** A page as Next.js sends it: headers with setHeader, then write and end, `serial` in the body. */
function page(headers: Record<string, string> = PAGE_HEADERS, status = 200): Upstream & { serial: number } {
  const upstream = Object.assign(
    (_request: IncomingMessage, response: ServerResponse) => {
      upstream.serial++;
      response.statusCode = status;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      response.write(`<html><p>page ${upstream.serial}</p>`);
      response.end("</html>");
    },
    { serial: 0 },
  );
  return upstream;
}

describe("the response microcache", () => {
  it("answers a repeat of a shareable page from memory, with the same body and headers", async () => {
    const { calls, get } = await start(page());
    const first = await get("/help");
    const second = await get("/help");
    expect(calls).toEqual(["GET /help"]);
    expect(second.body.toString()).toBe("<html><p>page 1</p></html>");
    expect(second.body).toEqual(first.body);
    for (const name of ["cache-control", "content-type", "vary", "etag"]) expect(second.headers[name]).toBe(first.headers[name]);
    expect(second.headers["content-length"]).toBe(String(second.body.length));
  });

  it("keeps an entry TTL_MS at most", async () => {
    let clock = 1_000_000;
    const { calls, get } = await start(page(), { now: () => clock });
    await get("/help");
    clock += TTL_MS - 1;
    expect((await get("/help")).body.toString()).toContain("page 1");
    clock += 1;
    expect((await get("/help")).body.toString()).toContain("page 2");
    expect(calls).toHaveLength(2);
  });

  it("never keeps what is private, sets a cookie, is not a 200, or varies on what the key does not cover", async () => {
    for (const headers of [
      { ...PAGE_HEADERS, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" },
      { ...PAGE_HEADERS, "cache-control": "s-maxage=300, private" },
      { ...PAGE_HEADERS, "set-cookie": "authjs.session-token=secret; Path=/; HttpOnly" },
      { ...PAGE_HEADERS, vary: "Cookie" },
      { ...PAGE_HEADERS, "x-nextjs-cache": "MISS" }, // rendered for this request: Next.js had no copy either
      { "content-type": "text/html" },
    ]) {
      const { calls, get } = await start(page(headers));
      await get("/dashboard");
      await get("/dashboard");
      expect(calls, JSON.stringify(headers)).toHaveLength(2);
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      server = undefined;
    }
    const { calls, get } = await start(page(PAGE_HEADERS, 404));
    await get("/help/articles/invented");
    await get("/help/articles/invented");
    expect(calls).toHaveLength(2);
  });

  it("lets Next.js's own router requests, conditional requests, other methods, queries and outsized keys through, and keeps nothing of them", async () => {
    const { calls, get } = await start(page());
    await get("/help", { rsc: "1" });
    await get("/help?_rsc=x1");
    await get("/help?anything=1"); // no cached page has a query: it would only churn the cache
    await get("/help", { "next-router-prefetch": "1" });
    await get("/help", { "if-none-match": '"abc"' });
    await get("/help", {}, "HEAD");
    await get(`/${"a".repeat(2_000)}`);
    await get("/help", { "accept-encoding": "gzip, ".repeat(40) });
    expect(calls).toHaveLength(8);
    expect((await get("/help")).body.toString()).toContain("page 9"); // none of them was kept for it
  });

  it("keeps a compressed answer and a plain one apart (Vary: Accept-Encoding)", async () => {
    const upstream = (request: IncomingMessage, response: ServerResponse) => {
      const gzip = String(request.headers["accept-encoding"]).includes("gzip");
      for (const [name, value] of Object.entries(PAGE_HEADERS)) response.setHeader(name, value);
      if (gzip) response.setHeader("content-encoding", "gzip");
      response.end(gzip ? gzipSync("<html>zipped</html>") : "<html>plain</html>");
    };
    const { calls, get } = await start(upstream);
    for (let i = 0; i < 2; i++) {
      expect((await get("/help")).body.toString()).toBe("<html>plain</html>");
      const zipped = await get("/help", { "accept-encoding": "gzip" });
      expect(gunzipSync(zipped.body).toString()).toBe("<html>zipped</html>");
    }
    expect(calls).toHaveLength(2);
  });

  it("shares one entry among the spellings of an Accept-Encoding, and serves each encoding only to clients that listed it", async () => {
    // As Next.js's compression negotiates when no q-value or identity decides: gzip if named, else deflate if named, else none.
    const upstream = (request: IncomingMessage, response: ServerResponse) => {
      const listed = String(request.headers["accept-encoding"] ?? "").split(",").map((name) => name.trim());
      const encoding = listed.includes("gzip") ? "gzip" : listed.includes("deflate") ? "deflate" : null;
      for (const [name, value] of Object.entries(PAGE_HEADERS)) response.setHeader(name, value);
      if (encoding) response.setHeader("content-encoding", encoding);
      response.end(`<html>${encoding ?? "plain"}</html>`);
    };
    const { calls, get } = await start(upstream);
    const served = async (acceptEncoding?: string) => {
      const answer = await get("/help", acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding });
      return `${answer.headers["content-encoding"] ?? "none"} ${answer.body.toString()}`;
    };
    expect(await served("gzip, deflate, br, zstd")).toBe("gzip <html>gzip</html>");
    expect(await served("br, GZIP")).toBe("gzip <html>gzip</html>");
    expect(await served("deflate")).toBe("deflate <html>deflate</html>");
    expect(await served("br, deflate")).toBe("deflate <html>deflate</html>");
    expect(await served("br")).toBe("none <html>plain</html>");
    expect(await served()).toBe("none <html>plain</html>");
    expect(await served("x-unknown-1, x-unknown-2")).toBe("none <html>plain</html>");
    expect(calls).toHaveLength(3); // one per encoding
    // What only q-values, a wildcard or a named identity decide is Next.js's to weigh: passed through, never kept.
    expect(await served("gzip;q=0, deflate")).toBe("deflate <html>deflate</html>");
    expect(await served("*")).toBe("none <html>plain</html>");
    expect(await served("gzip;q=0, deflate")).toBe("deflate <html>deflate</html>");
    expect(await served("identity, gzip")).toBe("gzip <html>gzip</html>"); // Next.js's to weigh (it would not compress)
    expect(calls).toHaveLength(7);
  });

  it("keeps a page under its plain address only: an escaped spelling of it passes through", async () => {
    const { cache, calls, get } = await start(page());
    await get("/help/%61rticles/one");
    await get("/help/%61rticles/one");
    await get("/help/articles/one;x");
    await get("/help/articles/one;x");
    expect(calls).toHaveLength(4);
    expect(cache.size).toBe(0);
  });

  it("forgets everything on clear(), and an answer under way when it came is not kept", async () => {
    const { cache, calls, get } = await start(page());
    await get("/help");
    cache.clear();
    expect((await get("/help")).body.toString()).toContain("page 2");

    let release = () => {};
    const slow = await start((_request, response) => {
      for (const [name, value] of Object.entries(PAGE_HEADERS)) response.setHeader(name, value);
      response.write("<html>before the edit");
      release = () => response.end("</html>");
    });
    const pending = slow.get("/help");
    await new Promise((resolve) => setTimeout(resolve, 50));
    slow.cache.clear();
    release();
    await pending;
    expect(slow.cache.size).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it("does not keep a body larger than an entry may be", async () => {
    const big = Buffer.alloc(600 * 1024, "a");
    const { cache, get } = await start((_request, response) => {
      for (const [name, value] of Object.entries(PAGE_HEADERS)) response.setHeader(name, value);
      response.write(big.subarray(0, 300 * 1024));
      response.end(big.subarray(300 * 1024));
    });
    expect((await get("/big")).body.length).toBe(big.length);
    expect(cache.size).toBe(0);
  });
});

describe("shareable", () => {
  it("wants a copy from Next.js's cache, s-maxage, and none of private, no-store or no-cache", () => {
    const hit = { "x-nextjs-cache": "HIT" };
    expect(shareable(200, { ...hit, "cache-control": "s-maxage=31536000" })).toBe(true);
    expect(shareable(200, { "x-nextjs-cache": "STALE", "cache-control": "s-maxage=300, stale-while-revalidate=60" })).toBe(true);
    expect(shareable(200, { ...hit, "cache-control": "public, max-age=0" })).toBe(false);
    expect(shareable(200, { ...hit, "cache-control": "s-maxage=1, no-store" })).toBe(false);
    expect(shareable(200, { ...hit, "cache-control": "no-cache, s-maxage=1" })).toBe(false);
    expect(shareable(304, { ...hit, "cache-control": "s-maxage=1" })).toBe(false);
    expect(shareable(200, { ...hit, "cache-control": "s-maxage=0" })).toBe(false); // shared caches must ask each time
  });
});
