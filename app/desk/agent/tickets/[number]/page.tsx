import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { assignToMeAction, setTicketStatusAction } from "@/lib/desk/console/actions";
import { ticketForAgent } from "@/lib/desk/console/queue";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { env } from "@/lib/shared/env";
import { AgentReplyForm } from "@/components/desk/agent-reply-form";
import { ConsoleAttachments } from "@/components/desk/console-attachments";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/ui/markdown-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { TicketStatus } from "@/components/ui/ticket-status";
import { GuestBadge } from "@/components/desk/guest-badge";
import { CustomerRating } from "@/components/desk/customer-rating";

export const metadata: Metadata = { title: "Ticket" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function AgentTicketPage({ params }: { params: Promise<{ number: string }> }) {
  await requireAgent();
  const { number } = await params;
  const ticket = /^\d{1,9}$/.test(number) ? await ticketForAgent(Number(number)) : null;
  if (!ticket) notFound();
  return (
    <main className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section>
        <p className="text-sm text-slate-500">
          <Link href="/desk/agent" className="hover:underline">
            Queue
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">
          <span className="text-slate-500">#{ticket.number}</span> {ticket.subject}
        </h1>
        <div className="mt-6 space-y-4" aria-label="Thread" role="region">
          <article className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="mb-2 text-sm text-slate-500">
              {ticket.contact.name}
              {ticket.identityVerified ? null : <GuestBadge />} · {time.format(ticket.createdAt)}
            </p>
            <MarkdownText text={ticket.description} />
            <ConsoleAttachments attachments={ticket.attachments} />
          </article>
          {ticket.comments.map((c) => (
            <article
              key={c.id}
              className={cn(
                "rounded-xl border p-4",
                !c.isPublic ? "border-amber-200 bg-amber-50" : c.agent ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white",
              )}
            >
              <p className="mb-2 text-sm text-slate-500">
                {c.agent ? c.agent.name : c.contact ? c.contact.name : "Help center"} · {time.format(c.createdAt)}
                {!c.isPublic ? " · private note" : ""}
              </p>
              <MarkdownText text={c.body} />
              <ConsoleAttachments attachments={c.attachments} />
            </article>
          ))}
        </div>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
          <AgentReplyForm ticketId={ticket.id} number={ticket.number} maxBytes={env.ATTACHMENT_MAX_BYTES} />
        </div>
      </section>
      <aside className="h-fit space-y-4 rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <p>
          <TicketStatus status={ticket.status} /> · {ticket.priority} priority · via {ticket.channel}
        </p>
        <p>
          {ticket.contact.name}
          <span className="block text-slate-500">{ticket.contact.email}</span>
          {ticket.identityVerified ? null : <GuestBadge />}
        </p>
        <CustomerRating rating={ticket.rating} />
        <form action={setTicketStatusAction.bind(null, ticket.id, ticket.number)} className="flex items-end gap-2">
          <label>
            <span className="block font-medium">Status</span>
            <select name="status" defaultValue={ticket.status} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
              <option value="open">Open</option>
              <option value="on_hold">Waiting on customer</option>
              <option value="closed">Closed</option>
            </select>
          </label>
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Set status
          </SubmitButton>
        </form>
        <div>
          Assignee: {ticket.assignee?.name ?? "nobody"}
          <form action={assignToMeAction.bind(null, ticket.id, ticket.number)} className="mt-2">
            <SubmitButton variant="secondary" pendingLabel="Assigning…">
              Assign to me
            </SubmitButton>
          </form>
        </div>
      </aside>
    </main>
  );
}
