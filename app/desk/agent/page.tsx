import type { Metadata } from "next";
import Link from "next/link";
import { oneOf, TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/contract/vocabulary";
import { ticketQueue, type QueueFilter } from "@/lib/desk/console/queue";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { TicketStatus } from "@/components/ui/ticket-status";
import { GuestBadge } from "@/components/desk/guest-badge";

export const metadata: Metadata = { title: "Ticket queue" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "short" });

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const agent = await requireAgent();
  const raw = await searchParams;
  const filter: QueueFilter = {
    status: oneOf(TICKET_STATUSES, raw.status),
    priority: oneOf(TICKET_PRIORITIES, raw.priority),
    mine: raw.mine === "1",
  };
  const tickets = await ticketQueue(agent.id, filter);
  return (
    <main>
      <h1 className="text-2xl font-bold tracking-tight">Ticket queue</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
        <label>
          <span className="block font-medium">Status</span>
          <select name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="on_hold">Waiting on customer</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          <span className="block font-medium">Priority</span>
          <select name="priority" defaultValue={filter.priority ?? ""} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            <option value="urgent">Urgent</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 pb-2">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} /> Assigned to me
        </label>
        <button type="submit" className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 font-medium">
          Filter
        </button>
      </form>
      <table className="mt-6 w-full text-left text-sm" aria-label="Tickets">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 font-medium">#</th>
            <th className="py-2 font-medium">Subject</th>
            <th className="py-2 font-medium">Customer</th>
            <th className="py-2 font-medium">Priority</th>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2 font-medium">Assignee</th>
            <th className="py-2 font-medium">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tickets.map((t) => (
            <tr key={t.id}>
              <td className="py-2 text-slate-500">{t.number}</td>
              <td className="py-2">
                <Link href={`/desk/agent/tickets/${t.number}`} className="font-medium text-brand-700 hover:underline">
                  {t.subject}
                </Link>
              </td>
              <td className="py-2">
                {t.contact.name}
                {t.identityVerified ? null : <GuestBadge />}
              </td>
              <td className="py-2">{t.priority}</td>
              <td className="py-2">
                <TicketStatus status={t.status} />
              </td>
              <td className="py-2">{t.assignee?.name ?? "—"}</td>
              <td className="py-2 whitespace-nowrap">{time.format(t.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tickets.length === 0 ? <p className="mt-6 text-center text-slate-500">No tickets match.</p> : null}
    </main>
  );
}
