import "server-only";
import MiniSearch from "minisearch";
import { db } from "@/lib/shared/db";
import { PUBLISHED } from "./published";
import { contentStamp } from "./read-cache";

/**
 * Ranked full-text search over published articles (BM25 with prefix and light fuzzy matching, via
 * MiniSearch). The index lives in each process and is rebuilt when the published content changed,
 * which the read cache's content stamp tells cheaply; the same code serves SQLite and PostgreSQL.
 */
type Indexed = { id: string; title: string; summary: string; body: string };

let cached: { stamp: string; index: MiniSearch<Indexed> } | undefined;

async function index(): Promise<MiniSearch<Indexed>> {
  const stamp = await contentStamp();
  if (cached?.stamp === stamp) return cached.index;
  const articles = await db.article.findMany({ where: PUBLISHED, select: { id: true, title: true, summary: true, body: true } });
  const search = new MiniSearch<Indexed>({
    fields: ["title", "summary", "body"],
    searchOptions: { boost: { title: 3, summary: 2 }, prefix: true, fuzzy: 0.2, combineWith: "AND" },
  });
  search.addAll(articles);
  cached = { stamp, index: search };
  return search;
}

/** Article ids, best match first. */
export async function searchArticleIds(query: string, limit: number): Promise<string[]> {
  const search = await index();
  let hits = search.search(query);
  // Nothing has every word: fall back to any word, still ranked.
  if (hits.length === 0) hits = search.search(query, { combineWith: "OR" });
  return hits.slice(0, limit).map((hit) => String(hit.id));
}
