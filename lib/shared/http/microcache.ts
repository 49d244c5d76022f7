import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { sharedCachesMayKeep } from "./shared-cache-limit";

/**
 * A one-second cache of the pages Next.js itself calls shareable, kept in front of it by the app's
 * server (server.ts), as a CDN or nginx's proxy_cache would be: a cached help page costs Next.js's
 * router, its cache handler and a fresh gzip per request (2–3 times a file from public/); this
 * answers repeats of it from memory, already compressed.
 *
 * Only copies of what Next.js itself serves from its page cache are kept (x-nextjs-cache HIT or
 * STALE, never a page it rendered for this request), and only what any HTTP cache may share: a GET
 * answered 200 whose Cache-Control lets shared caches keep it (./shared-cache-limit), with no
 * Set-Cookie and a Vary that names only what the key covers. A signed-in person's page is
 * `private, no-store` and never kept; requests Next.js answers differently (its RSC and prefetch
 * requests, conditional and range requests) pass through, and so does every address but a plain
 * path (PLAIN_PATH). A hit reaches neither Next.js nor its proxy.ts, so what proxy.ts acts on (its
 * matcher: signed-in pages, old query-string addresses) must never be a page Next.js caches.
 * Entries live TTL_MS at most, and `clear()` drops them all (server.ts calls it when the help content
 * changes), so an edit shows no later than it did without this cache, plus TTL_MS.
 */
export const TTL_MS = 1_000;
const MAX_ENTRIES = 500;
const MAX_ENTRY_BYTES = 512 * 1024;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_URL_LENGTH = 1_024;
const MAX_ENCODING_LENGTH = 128;

/** Request headers that make Next.js answer something else than the page (its client router's). */
const BYPASS_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "range", "if-none-match", "if-modified-since", "authorization"];
/** What the key covers: the URL, and the one request header among Vary's that such a request may carry. */
const KEYED_VARY = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "accept-encoding"]);
/** Set per answer by Node.js or per request by server.ts: never replayed. */
const PER_ANSWER = new Set(["date", "connection", "keep-alive", "transfer-encoding", "strict-transport-security", "content-length"]);

type Entry = { headers: OutgoingHttpHeaders; body: Buffer; storedAt: number; bytes: number };

export type Microcache = {
  /** Answers the request from the cache (true), or lets it through, watching the answer to keep it. */
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  clear(): void;
  readonly size: number;
};

/**
 * Only plain addresses, the only spelling a page has (its slugs are [a-z0-9-]): percent-escaped or
 * other spellings of one page, like query strings, would only let anyone churn the cache.
 */
const PLAIN_PATH = /^\/[A-Za-z0-9/_.-]*$/;

function keyOf(request: IncomingMessage): string | null {
  const { url, method } = request;
  if (method !== "GET" || !url || url.length > MAX_URL_LENGTH || !PLAIN_PATH.test(url)) return null;
  for (const name of BYPASS_HEADERS) if (request.headers[name] !== undefined) return null;
  const encoding = encodingKey(request.headers["accept-encoding"]);
  return encoding === null ? null : `${url}\u0000${encoding}`;
}

/**
 * What Next.js's compression answers an Accept-Encoding with (gzip if named, else deflate if named,
 * else none), so that every spelling of a header shares one of three entries; null, to pass through,
 * for what only Next.js's weighing could tell: q-values, a wildcard, or identity named (listed
 * before gzip, it wins the tie). An entry is only ever served to a client that named its encoding:
 * gzip's to those naming gzip, deflate's to those naming deflate and not gzip, the uncompressed to
 * everyone else.
 */
function encodingKey(accept: string | undefined): string | null {
  if (!accept) return "identity";
  if (accept.length > MAX_ENCODING_LENGTH || /[;*]/.test(accept)) return null;
  const names = accept.toLowerCase().split(",").map((name) => name.trim());
  if (names.includes("identity")) return null;
  return names.includes("gzip") ? "gzip" : names.includes("deflate") ? "deflate" : "identity";
}

/** Whether an answer with these headers came from Next.js's page cache and may be shared with anyone who sends the same request. */
export function shareable(status: number, headers: OutgoingHttpHeaders): boolean {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  if (headers["x-nextjs-cache"] !== "HIT" && headers["x-nextjs-cache"] !== "STALE") return false;
  if (!sharedCachesMayKeep(String(headers["cache-control"] ?? ""))) return false;
  const vary = String(headers.vary ?? "").toLowerCase().split(",").map((name) => name.trim()).filter(Boolean);
  return vary.every((name) => KEYED_VARY.has(name));
}

function lowerCased(headers: OutgoingHttpHeaders | undefined): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

/** `now`: a monotonic clock in ms (a wall clock set back would stretch every entry's life). */
export function createMicrocache({ now = () => performance.now() }: { now?: () => number } = {}): Microcache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // Bumped by every clear(): an answer begun before one may hold what the clear was for.
  let generation = 0;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(key: string, entry: Entry) {
    drop(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    while (entries.size > MAX_ENTRIES || bytes > MAX_BYTES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      drop(oldest);
    }
  }

  /** Watches Next.js's answer: its headers when they are written, its bytes as they go out. */
  function watch(key: string, response: ServerResponse) {
    const startedAt = now();
    const born = generation;
    let headers: OutgoingHttpHeaders | null = null;
    let chunks: Buffer[] | null = [];
    let size = 0;
    const writeHead = response.writeHead;
    const write = response.write;
    const end = response.end;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (!chunks || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_ENTRY_BYTES) chunks = null;
      else chunks.push(buffer);
    };
    response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
      const given = args.find((arg) => typeof arg === "object" && arg !== null);
      // Raw header arrays are left alone: nothing Next.js writes for a page.
      const merged = Array.isArray(given) ? null : { ...lowerCased(response.getHeaders()), ...lowerCased(given as OutgoingHttpHeaders | undefined) };
      if (merged && shareable(args[0], merged)) headers = merged;
      else chunks = null;
      return writeHead.apply(this, args);
    } as ServerResponse["writeHead"];
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      if (typeof args[0] !== "function") keep(args[0], args[1]);
      return (end as (...args: unknown[]) => ServerResponse).apply(this, args);
    } as ServerResponse["end"];
    response.once("finish", () => {
      if (!headers || !chunks) return;
      const kept: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(headers)) if (!PER_ANSWER.has(name) && value !== undefined) kept[name] = value;
      if (born !== generation) return; // a clear() came while it was being made
      const body = Buffer.concat(chunks);
      // Keys and headers count too: a cap on bodies alone would not bound the memory.
      store(key, { headers: kept, body, storedAt: startedAt, bytes: body.length + key.length + JSON.stringify(kept).length });
    });
  }

  return {
    serve(request, response) {
      const key = keyOf(request);
      if (key === null) return false;
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < TTL_MS) {
        response.writeHead(200, { ...entry.headers, "content-length": entry.body.length });
        response.end(entry.body);
        return true;
      }
      if (entry) drop(key);
      watch(key, response);
      return false;
    },
    clear() {
      generation++;
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
  };
}
