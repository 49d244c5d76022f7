"use client";

import { useActionState } from "react";
import type { RatingAnswer } from "@/lib/contract/desk-api/satisfaction";
import { SATISFACTION_COMMENT_MAX, SATISFACTION_SCORES, type SatisfactionScore } from "@/lib/contract/vocabulary";
import { rateTicketAction, type RatingFormState } from "@/lib/site/help-center/rating-actions";
import { ErrorAlert, Notice } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";

const SCORE: Record<SatisfactionScore, string> = { good: "Good", okay: "Okay", bad: "Bad" };

/**
 * "How did we do?" under a closed ticket: three labelled radio buttons and an optional comment. Once
 * rated, the rating is shown, and the form stays only while its one change is still to come.
 */
export function TicketRatingForm({ ticketNumber, answer }: { ticketNumber: number; answer: RatingAnswer }) {
  const [state, action, pending] = useActionState(rateTicketAction, {} satisfies RatingFormState);
  const { rating, ratable } = answer;
  return (
    <section aria-labelledby="ticket-rating" className="mt-8 space-y-4 rounded-2xl border border-slate-200 bg-white p-5">
      <h2 id="ticket-rating" className="text-lg font-semibold">
        {rating ? "Your rating" : "Rate this ticket"}
      </h2>
      {state.message ? state.sent ? <Notice tone="success">{state.message}</Notice> : <ErrorAlert>{state.message}</ErrorAlert> : null}
      {rating ? (
        <div className="space-y-1 text-sm">
          <p>You rated this ticket: {SCORE[rating.score] ?? rating.score}.</p>
          {rating.comment ? <blockquote className="whitespace-pre-wrap border-l-2 border-slate-200 pl-2 text-slate-700">{rating.comment}</blockquote> : null}
          <p className="text-slate-500">{rating.changeable ? "You can change your rating once." : "Your rating is final."}</p>
        </div>
      ) : null}
      {ratable ? (
        // Keyed by the rating, so the form starts from what the Desk now holds after each send.
        <form key={`${rating?.score}-${rating?.changedAt}`} action={action} className="space-y-4">
          <input type="hidden" name="ticketNumber" value={ticketNumber} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{rating ? "Change your rating (once)" : "How did we do?"}</legend>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {SATISFACTION_SCORES.map((score) => (
                <label key={score} className="inline-flex items-center gap-2 text-sm">
                  <input type="radio" name="score" value={score} defaultChecked={rating?.score === score} className="accent-brand-600" />
                  {SCORE[score]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor="rating-comment" className="block text-sm font-medium text-slate-800">
              Comment (optional)
            </label>
            <textarea
              id="rating-comment"
              name="comment"
              rows={3}
              maxLength={SATISFACTION_COMMENT_MAX}
              defaultValue={rating?.comment ?? ""}
              className={cn(
                "block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset",
                "focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset sm:text-sm",
              )}
            />
          </div>
          <div className="flex justify-end">
            <button type="submit" disabled={pending} className={buttonStyles("primary")}>
              {pending ? "Sending…" : rating ? "Change rating" : "Send rating"}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
