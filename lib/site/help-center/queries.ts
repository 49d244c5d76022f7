import "server-only";
import type { SiteUser } from "@/lib/site/users";
import { deskApi, DeskApiError } from "./desk-api";
import { deskSessionFor, forgetDeskSession } from "./desk-session";

/** What the help pages read from the Desk. Articles are shared and cached; tickets never are. */
export type Category = { id: string; slug: string; name: string; description: string; articleCount: number };
export type ArticleSummary = { id: string; slug: string; title: string; summary: string; viewCount: number; category: { slug: string; name: string } };
export type Article = ArticleSummary & { body: string; updatedAt: string; helpfulCount: number; notHelpful: number };
/** identityVerified false: a guest typed this user's email; shown as such, never as the user's own words. */
export type TicketSummary = { id: string; number: number; subject: string; status: string; priority: string; createdAt: string; updatedAt: string; identityVerified: boolean };
export type TicketComment = { id: string; body: string; createdAt: string; author: { kind: "agent" | "contact"; name: string } };
export type Ticket = TicketSummary & { description: string; closedAt: string | null; comments: TicketComment[] };

const ARTICLES = { next: { revalidate: 300, tags: ["help-articles"] } };

export const listCategories = () => deskApi<{ categories: Category[] }>("categories", ARTICLES).then((r) => r.categories);

export function listArticles(query: { category?: string; q?: string; pageSize?: number }) {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return deskApi<{ articles: ArticleSummary[]; total: number }>(`articles?${params}`, ARTICLES);
}

export async function getArticle(slug: string): Promise<Article | null> {
  try {
    return (await deskApi<{ article: Article }>(`articles/${encodeURIComponent(slug)}`, ARTICLES)).article;
  } catch (error) {
    if (error instanceof DeskApiError && error.status === 404) return null;
    throw error;
  }
}

/** Runs a ticket call with the user's session, logging in again once if the Desk says it ended. */
async function asUser<T>(user: SiteUser, call: (bearer: string) => Promise<T>): Promise<T> {
  try {
    return await call(await deskSessionFor(user));
  } catch (error) {
    if (!(error instanceof DeskApiError) || error.status !== 401) throw error;
    forgetDeskSession(user.id);
    return call(await deskSessionFor(user));
  }
}

export function listMyTickets(user: SiteUser, status?: string) {
  const query = status ? `?status=${encodeURIComponent(status)}` : "";
  return asUser(user, (bearer) => deskApi<{ tickets: TicketSummary[]; total: number }>(`tickets${query}`, { bearer, cache: "no-store" }));
}

export async function getMyTicket(user: SiteUser, number: string): Promise<Ticket | null> {
  try {
    return (await asUser(user, (bearer) => deskApi<{ ticket: Ticket }>(`tickets/${encodeURIComponent(number)}`, { bearer, cache: "no-store" }))).ticket;
  } catch (error) {
    if (error instanceof DeskApiError && error.status === 404) return null;
    throw error;
  }
}
