import type { listAudit } from "@/lib/desk/audit";

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** The article's audit trail: who created, edited, moved, published or unpublished it, newest first. */
export function ArticleHistory({ entries }: { entries: Awaited<ReturnType<typeof listAudit>> }) {
  return (
    <section aria-labelledby="article-history" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="article-history" className="mb-3 text-lg font-semibold">
        History
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No changes recorded yet.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="text-slate-500">{time.format(entry.createdAt)}</span> · <strong>{entry.actor?.name ?? "someone"}</strong> · {entry.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
