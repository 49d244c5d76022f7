// @ts-check
/**
 * Next.js's cache of rendered pages and fetched data (next.config.ts `cacheHandler`): in memory, in
 * each instance, and aware of the Desk's help content. An entry tagged HELP_CONTENT_TAG (the help
 * pages and the Desk reads behind them) is dropped once the Desk's content version
 * (GET content-version) has changed since it was made, so an edit made through any instance shows on
 * every instance's pages within CHECK_EVERY_MS, without a message between them. Plain JavaScript:
 * Next.js imports this file as it is, in `next build` too.
 */
import http from "node:http";
import https from "node:https";
import { helpContentChanged } from "./content-changed.mjs";

export const HELP_CONTENT_TAG = "help-content";
/** How often, at most, an instance asks the Desk for its content version (only while serving requests). */
export const CHECK_EVERY_MS = 1_000;
/**
 * A render that read the content just before an edit may finish just after the change was noticed:
 * pages made in that short window are made once more, this long after the change was noticed.
 */
export const SETTLE_MS = 2_000;
/** How long a request for a cached page waits for the Desk's answer before it is served what is cached. */
export const WAIT_FOR_CHECK_MS = 250;
const ASK_TIMEOUT_MS = 2_000;
const MAX_ENTRIES = 1_000;
const MAX_BYTES = 64 * 1024 * 1024;
const VERSION_PATH = "/desk/api/asap/v1/content-version";
const TAGS_HEADER = "x-next-cache-tags"; // where Next.js keeps a rendered page's tags

/** @typedef {{ value: any; lastModified: number; cacheControl: unknown; tags: string[]; bytes: number }} Entry */

/** The Desk's content version, asked over plain HTTP: Next.js's patched fetch would make a page dynamic. */
function readVersion(baseUrl) {
  // As the site's Desk client builds its URLs: a path in DESK_BASE_URL is kept.
  const url = new URL(`${baseUrl.replace(/\/$/, "")}${VERSION_PATH}`);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    // A whole-answer deadline: the socket's own timeout only notices silence, not a trickle.
    const deadline = setTimeout(() => request.destroy(new Error("content-version took too long")), ASK_TIMEOUT_MS);
    const request = client.get(url, { headers: { accept: "application/json" }, timeout: ASK_TIMEOUT_MS }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        body += chunk;
        if (body.length > 1_024) request.destroy(new Error("content-version answered too much"));
      });
      response.on("end", () => {
        try {
          const version = response.statusCode === 200 ? JSON.parse(body).version : undefined;
          if (typeof version === "string") resolve(version);
          else reject(new Error(`content-version answered ${response.statusCode}`));
        } catch (error) {
          reject(error);
        }
      });
      response.on("error", reject);
      // A connection cut mid-answer: settle (a settled promise ignores this), never hang every later check.
      response.on("close", () => reject(new Error("content-version closed early")));
    });
    request.on("timeout", () => request.destroy(new Error("content-version timed out")));
    request.on("error", reject);
    request.on("close", () => clearTimeout(deadline));
  });
}

/** Says why the cache cannot ask the Desk, once a minute at most: a wrong DESK_BASE_URL must not be silent. */
let lastWarning = -Infinity;
function warn(error) {
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  console.warn(`[page cache] cannot read the Desk's content version (${error instanceof Error ? error.message : String(error)}): help pages are refreshed by time only meanwhile`);
}

/**
 * When the help content last changed, as far as this instance knows: entries made before it are out
 * of date. Asks the Desk at most once per CHECK_EVERY_MS after its last answer (or failure), one
 * question at a time; while the Desk cannot answer, what is cached is served (stale beats an error
 * page), and the pages' time-based revalidation still applies. Entries made before the first answer
 * count as out of date once it comes: nobody knew then what they stood for.
 */
export function contentWatch({ deskBaseUrl, now = Date.now, ask = readVersion }) {
  let known = /** @type {string | undefined} */ (undefined);
  let outdatedBefore = 0;
  let settleAt = 0;
  let checkedAt = -Infinity;
  let pending = /** @type {Promise<number> | undefined} */ (undefined);

  /** Entries made before `time` are out of date, here and in every other cache of this process. */
  function outdate(time) {
    outdatedBefore = time;
    if (helpContentChanged.hasSubscribers) helpContentChanged.publish({ outdatedBefore: time });
  }

  async function check() {
    const askedAt = now();
    try {
      const version = await ask(deskBaseUrl);
      if (known === undefined) outdate(askedAt);
      else if (version !== known) {
        outdate(now());
        settleAt = outdatedBefore + SETTLE_MS;
      }
      known = version;
    } catch (error) {
      warn(error);
    } finally {
      checkedAt = now(); // from the answer, not the question: a slow or down Desk is not asked back to back
    }
    return outdatedBefore;
  }

  return {
    /** Entries whose lastModified is before this are out of date. */
    async outdatedBefore() {
      if (settleAt && now() >= settleAt) {
        outdate(settleAt);
        settleAt = 0;
      }
      if (now() - checkedAt < CHECK_EVERY_MS) return outdatedBefore;
      // One request waits for the question it starts; the others meanwhile take what is known.
      if (pending) return outdatedBefore;
      pending = check().finally(() => (pending = undefined));
      // A slow Desk delays nobody for long: past WAIT_FOR_CHECK_MS, what is known now is the answer,
      // and the check finishes in the background for the next request.
      let timer;
      const patience = new Promise((resolve) => (timer = setTimeout(() => resolve(outdatedBefore), WAIT_FOR_CHECK_MS)));
      return Promise.race([pending, patience]).finally(() => clearTimeout(timer));
    },
  };
}

function tagsOf(value, ctx) {
  if (value?.kind === "FETCH") return Array.isArray(ctx?.tags) ? ctx.tags : [];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",") : [];
}

function sizeOf(value) {
  if (!value) return 32;
  if (value.kind === "FETCH") return JSON.stringify(value.data ?? "").length;
  const body = value.html ?? value.body ?? "";
  let bytes = (typeof body === "string" ? body.length : body.byteLength ?? 0) + (value.rscData?.byteLength ?? 0) + (value.postponed?.length ?? 0);
  if (value.segmentData) for (const [path, buffer] of value.segmentData) bytes += path.length + (buffer?.byteLength ?? 0);
  return bytes;
}

export default class HelpContentCache {
  /** @type {Map<string, Entry>} */
  static entries = new Map();
  static bytes = 0;
  /** @type {ReturnType<typeof contentWatch> | undefined} */
  static watch;

  constructor() {
    const deskBaseUrl = process.env.DESK_BASE_URL;
    HelpContentCache.watch ??= deskBaseUrl ? contentWatch({ deskBaseUrl }) : undefined;
  }

  async get(key) {
    const { entries } = HelpContentCache;
    const entry = entries.get(key);
    const { watch } = HelpContentCache;
    // On a miss too: the version is then known before the render reads the content it stands for.
    if (!entry) return watch ? watch.outdatedBefore().then(() => null) : null;
    if (watch && entry.tags.includes(HELP_CONTENT_TAG) && entry.lastModified < (await watch.outdatedBefore())) {
      this.#drop(key);
      return null;
    }
    entries.delete(key); // re-inserted last: the Map's order is the eviction order
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    this.#drop(key);
    // Not-found pages are made per request: invented addresses must not push real pages out.
    if (value?.status === 404) return;
    const entry = { value, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl, tags: tagsOf(value, ctx), bytes: key.length + sizeOf(value) };
    if (entry.bytes > MAX_BYTES / 4) return; // one huge entry would push out everything else
    const { entries } = HelpContentCache;
    entries.set(key, entry);
    HelpContentCache.bytes += entry.bytes;
    while (entries.size > MAX_ENTRIES || HelpContentCache.bytes > MAX_BYTES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
  }

  async revalidateTag(tags) {
    const wanted = typeof tags === "string" ? [tags] : tags;
    for (const [key, entry] of HelpContentCache.entries) if (entry.tags.some((tag) => wanted.includes(tag))) this.#drop(key);
  }

  resetRequestCache() {}

  #drop(key) {
    const entry = HelpContentCache.entries.get(key);
    if (!entry) return;
    HelpContentCache.entries.delete(key);
    HelpContentCache.bytes -= entry.bytes;
  }
}
