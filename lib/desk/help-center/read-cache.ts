import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Jsonable } from "@/lib/contract/json";
import { hotSql } from "@/lib/shared/hot-sql";

/**
 * The help center's public reads (categories, article lists and searches, articles), cached in each
 * instance. An entry is keyed by the content's stamp: the revision the database itself raises on
 * every change to a category or to an article that is or was published (ContentRevision, in
 * prisma/schema.prisma), on any instance and by any writer, whatever its clock says; a draft's edits
 * move nothing. Counters (views, votes), which move without touching content, may lag by COUNTERS_FRESH_MS.
 */
export const COUNTERS_FRESH_MS = 30_000;
const MAX_ENTRIES = 500; // searches are keys too: the oldest give way, so no query can grow the cache

export type CachedRead = { body: string; etag: string };

type Entry = CachedRead & { stamp: string; expiresAt: number };
const entries = new Map<string, Entry>();

/**
 * One small query. Every public read asks it first, so it goes over the hot path's connection
 * (lib/shared/hot-sql.ts).
 */
export async function contentStamp(): Promise<string> {
  const [row] = await hotSql.$queryRaw<Array<{ revision: unknown; epoch: unknown }>>`SELECT "revision", "epoch" FROM "ContentRevision" WHERE "id" = 1`;
  // Without its row (a migration undone by hand) nothing would ever look changed: then every stamp
  // is new, and every read fresh.
  return row ? `${String(row.epoch)}:${String(row.revision)}` : `missing ${randomUUID()}`;
}

/** The stamp as an opaque version (contentVersionAnswer): it says nothing of how often the content changed. */
export async function contentVersion(): Promise<string> {
  return createHash("sha256").update(await contentStamp()).digest("base64url").slice(0, 22);
}

/**
 * The read's JSON, of the wire type W every call names (`cachedRead<CategoriesAnswer>(…)`), and its
 * ETag: from the cache while the content is unchanged and the counters fresh, else from `load`.
 */
export async function cachedRead<W = never>(key: string, load: () => Promise<NoInfer<Jsonable<W>>>, now = Date.now()): Promise<CachedRead> {
  const stamp = await contentStamp();
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp && hit.expiresAt > now) return hit;
  const body = JSON.stringify(await load());
  const entry: Entry = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`, stamp, expiresAt: now + COUNTERS_FRESH_MS };
  entries.delete(key); // re-inserted last: the Map's order is the eviction order
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? key);
  return entry;
}
