import type { Metadata } from "next";
import Link from "next/link";
import { oneOf, TICKET_STATUSES, type TicketStatus as Status } from "@/lib/contract/vocabulary";
import { requireUser } from "@/lib/site/current-user";
import { listMyTickets } from "@/lib/site/help-center/queries";
import { TicketStatus } from "@/components/ui/ticket-status";
import { VerifyToSeeTickets } from "@/components/site/help/verify-to-see-tickets";
import { GUEST_SUBMISSION } from "@/components/site/help/guest-submission";
import { HelpPageHeading } from "@/components/site/help/page-heading";

export const metadata: Metadata = { title: "My tickets" };

const STATUS_LABELS: Record<Status, string> = { open: "Open", on_hold: "Waiting on you", closed: "Closed" };
const STATUSES: Array<[Status | "", string]> = [["", "All"], ...TICKET_STATUSES.map((status): [Status, string] => [status, STATUS_LABELS[status]])];
const date = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function MyTicketsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireUser("/help/tickets");
  if (!user.emailVerified) return <VerifyToSeeTickets email={user.email} />;
  const { status } = await searchParams;
  const filter = oneOf(TICKET_STATUSES, status);
  const { tickets } = await listMyTickets(user, filter);
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <HelpPageHeading back={{ href: "/help", label: "Help center" }} title="My tickets" />
      <nav aria-label="Filter by status" className="mt-6 flex gap-2 text-sm">
        {STATUSES.map(([value, label]) => (
          <Link
            key={label}
            href={value ? `/help/tickets?status=${value}` : "/help/tickets"}
            aria-current={(filter ?? "") === value ? "page" : undefined}
            className="rounded-full border border-slate-200 px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
          >
            {label}
          </Link>
        ))}
      </nav>
      {tickets.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">
          No tickets here. Open the help widget to ask us anything.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white" aria-label="Tickets">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <Link href={`/help/tickets/${ticket.number}`} className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-slate-50">
                <span>
                  <span className="text-sm text-slate-500">#{ticket.number}</span> <span className="font-medium">{ticket.subject}</span>
                  <span className="block text-xs text-slate-500">
                    Updated {date.format(new Date(ticket.updatedAt))}
                    {ticket.identityVerified ? null : <span className="text-amber-700"> · {GUEST_SUBMISSION}</span>}
                  </span>
                </span>
                <TicketStatus status={ticket.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
