import { SatisfactionScore } from "@/components/ui/satisfaction-score";

export type CustomerRatingRow = { score: string; comment: string | null; createdAt: Date; changedAt: Date | null };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** The customer's satisfaction rating of a ticket or chat, as the agent console shows it. */
export function CustomerRating({ rating }: { rating: CustomerRatingRow | null }) {
  return (
    <section aria-labelledby="customer-rating">
      <h2 id="customer-rating" className="font-medium">
        Customer rating
      </h2>
      {rating ? (
        <div className="mt-1 space-y-1">
          <p>
            <SatisfactionScore score={rating.score} /> <span className="text-slate-500">· {time.format(rating.changedAt ?? rating.createdAt)}</span>
            {rating.changedAt ? <span className="text-slate-500"> · changed once</span> : null}
          </p>
          {rating.comment ? <blockquote className="whitespace-pre-wrap border-l-2 border-slate-200 pl-2 text-slate-700">{rating.comment}</blockquote> : null}
        </div>
      ) : (
        <p className="mt-1 text-slate-500">Not rated.</p>
      )}
    </section>
  );
}
