import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * What a page Next.js caches says to caches in front of the app (a CDN, nginx's proxy_cache). Next.js
 * would say keep it for the page's revalidate period, then serve it stale for up to a year while
 * refreshing (`s-maxage=300, stale-while-revalidate=31535700`; a static page: a year). But only the
 * app's own caches hear of an edit (the page cache handler, server.ts's microcache), so such a cache
 * would keep an unpublished article that long. One second is as long as the microcache keeps a page;
 * browsers, told max-age=0, revalidate with the page's ETag.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1";

/** An answer shared caches may keep: Next.js marks them by an s-maxage of a second or more; never one that is private or not to be stored. */
export function sharedCachesMayKeep(cacheControl: string): boolean {
  const value = cacheControl.toLowerCase();
  return /(^|[\s,])s-maxage=0*[1-9]/.test(value) && !/(^|[\s,])(private|no-store|no-cache)\b/.test(value);
}

/** Rewrites the Cache-Control of the answer `response` carries, when it is shareable, as it is sent. */
export function limitSharedCaching(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const at = args.findIndex((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    const given = at === -1 ? undefined : (args[at] as OutgoingHttpHeaders);
    const name = given && Object.keys(given).find((key) => key.toLowerCase() === "cache-control");
    if (given && name) {
      // A copy: the caller's object is theirs.
      if (sharedCachesMayKeep(String(given[name]))) args[at] = { ...given, [name]: SHARED_CACHE_CONTROL } as never;
    } else if (sharedCachesMayKeep(String(this.getHeader("cache-control") ?? ""))) {
      this.setHeader("Cache-Control", SHARED_CACHE_CONTROL);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
