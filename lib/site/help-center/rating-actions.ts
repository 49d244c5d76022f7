"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ratingBody } from "@/lib/contract/desk-api/satisfaction";
import { logError } from "@/lib/shared/log-error";
import { EMAIL_NOT_VERIFIED_MESSAGE } from "@/lib/site/asap/api-guard";
import { currentUser } from "@/lib/site/current-user";
import { DeskApiError } from "./desk-api";
import { rateMyTicket } from "./ratings";

/** The rating form's state: what to say after a send, and whether it went through. */
export type RatingFormState = { message?: string; sent?: boolean };

const ticketNumber = z.string().regex(/^\d{1,9}$/);

/** "Send rating" on a closed ticket's page: the user's rating, or its one change, as the signed-in user. */
export async function rateTicketAction(_previous: RatingFormState, form: FormData): Promise<RatingFormState> {
  const number = ticketNumber.safeParse(form.get("ticketNumber"));
  if (!number.success) return { message: "This form is out of date. Reload the page, then rate again." };
  const user = await currentUser();
  if (!user) return { message: "Your session has ended. Sign in again, then rate the ticket." };
  if (!user.emailVerified) return { message: EMAIL_NOT_VERIFIED_MESSAGE };
  const rating = ratingBody.safeParse({ score: form.get("score") ?? undefined, comment: String(form.get("comment") ?? "") });
  if (!rating.success) return { message: rating.error.issues[0]?.path[0] === "score" ? "Choose Good, Okay or Bad." : `Your rating was not sent: ${rating.error.issues[0]?.message}.` };

  let changed: boolean;
  try {
    changed = (await rateMyTicket(user, number.data, rating.data)).rating?.changedAt != null;
  } catch (error) {
    return { message: ratingFailure(error) };
  }
  revalidatePath(`/help/tickets/${number.data}`);
  return { sent: true, message: changed ? "Your rating is changed." : "Thank you for your rating." };
}

function ratingFailure(error: unknown): string {
  if (error instanceof DeskApiError) {
    if (error.code === "RATING_FINAL") return "You have already changed your rating once: it stays as it is.";
    if (error.code === "NOT_YET_RATABLE") return "This ticket is open again: rate it once it is closed.";
    if (error.code === "NOT_FOUND") return "This ticket is no longer available to you.";
    if (error.code === "DESK_UNREACHABLE") return "The help center is not answering just now. Try again in a moment.";
    if (error.code === "VALIDATION_FAILED") return `${error.message} ${error.hint}`.trim();
  }
  logError("[help rating]", error);
  return "Your rating could not be sent. Try again in a moment.";
}
