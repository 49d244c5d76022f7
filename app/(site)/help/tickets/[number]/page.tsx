import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { logError } from "@/lib/shared/log-error";
import { requireUser } from "@/lib/site/current-user";
import { attachmentRules } from "@/lib/site/help-center/attachments";
import { getMyTicket } from "@/lib/site/help-center/queries";
import { getMyTicketRating } from "@/lib/site/help-center/ratings";
import { TicketStatus } from "@/components/ui/ticket-status";
import { VerifyToSeeTickets } from "@/components/site/help/verify-to-see-tickets";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/ui/markdown-text";
import { GUEST_SUBMISSION } from "@/components/site/help/guest-submission";
import { TicketAttachments } from "@/components/site/help/ticket-attachments";
import { TicketReplyForm } from "@/components/site/help/ticket-reply-form";
import { TicketRatingForm } from "@/components/site/help/ticket-rating-form";

export const metadata: Metadata = { title: "Ticket" };

const ratingUnavailable = (error: unknown) => {
  logError("[help rating]", error);
  return null;
};

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function TicketPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const user = await requireUser(`/help/tickets/${number}`);
  if (!user.emailVerified) return <VerifyToSeeTickets email={user.email} />;
  const ticket = /^\d{1,9}$/.test(number) ? await getMyTicket(user, number) : null;
  if (!ticket) notFound();
  const [{ maxBytes, maxPerMessage }, rating] = await Promise.all([
    attachmentRules(),
    // A closed ticket may be rated; the page still shows the ticket if the rating cannot be read.
    ticket.status === "closed" ? getMyTicketRating(user, number).catch(ratingUnavailable) : null,
  ]);
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <p className="text-sm text-slate-500">
        <Link href="/help/tickets" className="hover:underline">
          My tickets
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          <span className="text-slate-500">#{ticket.number}</span> {ticket.subject}
        </h1>
        <TicketStatus status={ticket.status} />
      </div>
      <section aria-label="Conversation" className="mt-8 space-y-4">
        <article className="rounded-2xl border border-slate-200 bg-white p-5">
          <p className="mb-2 text-sm text-slate-500">
            {ticket.identityVerified ? "You" : <span className="text-amber-700">{GUEST_SUBMISSION}</span>} · {time.format(new Date(ticket.createdAt))}
          </p>
          <MarkdownText text={ticket.description} />
          <TicketAttachments attachments={ticket.attachments} />
        </article>
        {ticket.comments.map((comment) => (
          <article
            key={comment.id}
            className={cn("rounded-2xl border p-5", comment.author.kind === "agent" ? "border-brand-100 bg-brand-50" : "border-slate-200 bg-white")}
          >
            <p className="mb-2 text-sm text-slate-500">
              {comment.author.kind === "agent" ? `${comment.author.name} (Northwind support)` : "You"} · {time.format(new Date(comment.createdAt))}
            </p>
            {comment.body ? <MarkdownText text={comment.body} /> : null}
            <TicketAttachments attachments={comment.attachments} />
          </article>
        ))}
      </section>
      {rating ? <TicketRatingForm ticketNumber={ticket.number} answer={rating} /> : null}
      {/* A fresh Idempotency-Key per form: a resend of the same reply is answered, not posted again. */}
      <TicketReplyForm ticketNumber={ticket.number} rules={{ maxBytes, maxPerMessage }} idempotencyKey={randomUUID()} />
    </main>
  );
}
