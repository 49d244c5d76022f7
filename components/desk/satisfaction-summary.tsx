import Link from "next/link";
import type { SatisfactionSummary as Summary } from "@/lib/desk/satisfaction/summary";
import { SatisfactionScore } from "@/components/ui/satisfaction-score";

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The portal's satisfaction figure: the share of good ratings over 30 days, the counts, the latest comments. */
export function SatisfactionSummary({ summary }: { summary: Summary }) {
  const { total, counts, goodShare, recentComments } = summary;
  return (
    <section aria-labelledby="satisfaction" className="h-fit rounded-2xl border border-slate-200 bg-white p-6">
      <h2 id="satisfaction" className="text-lg font-semibold">
        Customer satisfaction
      </h2>
      <p className="mt-2 text-3xl font-bold tracking-tight" aria-describedby="satisfaction-how">
        {goodShare === null ? "No ratings" : `${percent.format(goodShare)} good`}
      </p>
      <p id="satisfaction-how" className="mt-1 text-sm text-slate-600">
        {plural(total, "rating")} of closed tickets and ended chats in the last 30 days: {counts.good} good, {counts.okay} okay, {counts.bad} bad.
      </p>
      {recentComments.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">Latest comments</h3>
          <ul className="mt-2 space-y-3 text-sm" aria-label="Latest rating comments">
            {recentComments.map((entry, index) => (
              <li key={index}>
                <p>
                  <SatisfactionScore score={entry.score} />{" "}
                  {entry.ticketNumber !== null ? (
                    <Link href={`/desk/agent/tickets/${entry.ticketNumber}`} className="text-slate-500 hover:underline">
                      ticket #{entry.ticketNumber}
                    </Link>
                  ) : entry.chatId ? (
                    <Link href={`/desk/agent/chats/${entry.chatId}`} className="text-slate-500 hover:underline">
                      a chat
                    </Link>
                  ) : null}
                </p>
                <blockquote className="mt-1 line-clamp-3 whitespace-pre-wrap border-l-2 border-slate-200 pl-2 text-slate-700">{entry.comment}</blockquote>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
