import type { RatingInput } from "@/lib/contract/desk-api/satisfaction";

/**
 * The rules of a satisfaction rating, apart from the database so they can be read and tested on their
 * own: one rating, which may be changed exactly once; sending it again as it is changes nothing (so a
 * retried request is harmless, even after the change).
 */
export type StoredRating = { score: string; comment: string | null; changeCount: number };

/** The changes a rating allows after its first: one. */
export const CHANGES_ALLOWED = 1;

export type RatingStep = "create" | "unchanged" | "change" | "final";

export function nextRatingStep(current: StoredRating | null, input: RatingInput): RatingStep {
  if (!current) return "create";
  if (current.score === input.score && current.comment === input.comment) return "unchanged";
  return current.changeCount < CHANGES_ALLOWED ? "change" : "final";
}

export const isChangeable = (rating: Pick<StoredRating, "changeCount">) => rating.changeCount < CHANGES_ALLOWED;

/** Whether the customer may give, or change, a rating now: only once the ticket is closed or the chat ended. */
export function isRatable(finished: boolean, current: Pick<StoredRating, "changeCount"> | null): boolean {
  return finished && (current === null || isChangeable(current));
}
