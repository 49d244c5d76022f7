import "server-only";
import type { Article, ArticleAnswer, ArticleListAnswer, CategoriesAnswer } from "@/lib/contract/desk-api/articles";
import type { TicketListAnswer, TicketThreadAnswer, TicketWithThread } from "@/lib/contract/desk-api/tickets";
import type { TicketStatus } from "@/lib/contract/vocabulary";
import type { SiteUser } from "@/lib/site/users";
import { asUser } from "./as-user";
import { deskApi, DeskApiError } from "./desk-api";

/** What the help pages read from the Desk, typed by the contract (lib/contract/desk-api). Articles are shared and cached; tickets never are. */

const ARTICLES = { next: { revalidate: 300, tags: ["help-articles"] } };

export const listCategories = () => deskApi<CategoriesAnswer>("categories", ARTICLES).then((r) => r.categories);

export function listArticles(query: { category?: string; q?: string; pageSize?: number }) {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return deskApi<ArticleListAnswer>(`articles?${params}`, ARTICLES);
}

export async function getArticle(slug: string): Promise<Article | null> {
  try {
    return (await deskApi<ArticleAnswer>(`articles/${encodeURIComponent(slug)}`, ARTICLES)).article;
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
