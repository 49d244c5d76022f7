import "server-only";
import type { RatingAnswer, RatingInput } from "@/lib/contract/desk-api/satisfaction";
import type { SiteUser } from "@/lib/site/users";
import { asUser } from "./as-user";
import { deskApi } from "./desk-api";

/** The user's satisfaction rating of their ticket, read and given through the Desk's API as the user. */
const ratingPath = (number: string) => `tickets/${encodeURIComponent(number)}/rating`;

export function getMyTicketRating(user: SiteUser, number: string) {
  return asUser(user, (bearer) => deskApi<RatingAnswer>(ratingPath(number), { bearer, cache: "no-store" }));
}

/** PUT: sending the same rating again changes nothing, so asUser's retry after a new login is harmless. */
export function rateMyTicket(user: SiteUser, number: string, rating: RatingInput) {
  return asUser(user, (bearer) =>
    deskApi<RatingAnswer>(ratingPath(number), { method: "PUT", bearer, headers: { "Content-Type": "application/json" }, body: JSON.stringify(rating), cache: "no-store" }),
  );
}
