import "server-only";
import type { Article, ArticleAnswer, ArticleListAnswer, CategoriesAnswer } from "@/lib/contract/desk-api/articles";
import type { TicketListAnswer, TicketThreadAnswer, TicketWithThread } from "@/lib/contract/desk-api/tickets";
import type { TicketStatus } from "@/lib/contract/vocabulary";
import type { SiteUser } from "@/lib/site/users";
import { asUser } from "./as-user";
import { deskApi, DeskApiError } from "./desk-api";
import { HELP_CONTENT_TAG } from "./page-cache.mjs";

/**
 * What the help pages read from the Desk, typed by the contract (lib/contract/desk-api). Articles are
 * shared and cached under HELP_CONTENT_TAG, which page-cache.mjs drops when the Desk's content changes;
 * searches (any words anyone types) are left to the Desk's own cache; tickets are never cached.
 */

/** A fallback: page-cache.mjs refreshes help content as soon as it changes; view counts move without that. */
export const HELP_CONTENT_REVALIDATE_SECONDS = 300;
const HELP_CONTENT = { next: { revalidate: HELP_CONTENT_REVALIDATE_SECONDS, tags: [HELP_CONTENT_TAG] } };

export const listCategories = () => deskApi<CategoriesAnswer>("categories", HELP_CONTENT).then((r) => r.categories);

export function listArticles(query: { category?: string; q?: string; pageSize?: number }) {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return deskApi<ArticleListAnswer>(`articles?${params}`, query.q ? { cache: "no-store" } : HELP_CONTENT);
}

export async function getArticle(slug: string): Promise<Article | null> {
  try {
    return (await deskApi<ArticleAnswer>(`articles/${encodeURIComponent(slug)}`, HELP_CONTENT)).article;
  } catch (error) {
    if (error instanceof DeskApiError && error.status === 404) return null;
    throw error;
  }
}

export function listMyTickets(user: SiteUser, status?: TicketStatus) {
  const query = status ? `?status=${encodeURIComponent(status)}` : "";
  return asUser(user, (bearer) => deskApi<TicketListAnswer>(`tickets${query}`, { bearer, cache: "no-store" }));
}

export async function getMyTicket(user: SiteUser, number: string): Promise<TicketWithThread | null> {
  try {
    return (await asUser(user, (bearer) => deskApi<TicketThreadAnswer>(`tickets/${encodeURIComponent(number)}`, { bearer, cache: "no-store" }))).ticket;
  } catch (error) {
    if (error instanceof DeskApiError && error.status === 404) return null;
    throw error;
  }
}
