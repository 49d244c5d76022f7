import "server-only";
import type { CommentInput, NewCommentAnswer, NewGuestTicket, NewTicket, NewTicketAnswer, TicketAnswer, TicketChanges, TicketListQuery } from "@/lib/contract/desk-api/tickets";
import type { Jsonable } from "@/lib/contract/json";
import type { Caller } from "@/lib/desk/api/caller";
import { attachUploads, type FilesOptional } from "@/lib/desk/attachments/attach";
import { attachmentsOf, toAttachment } from "@/lib/desk/attachments/view";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { spendGuestSubmission } from "./guest-limits";
import { idempotent, type StoredResponse } from "./idempotency";
import { nextTicketNumber } from "./ticket-numbers";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { markDeflectionSubmitted } from "./deflections";
import { hashGuestToken, newGuestToken } from "./guest-tokens";

/**
 * Tickets as end-users see them (DESIGN §4): anyone may submit one; a signed-in contact lists, reads,
 * comments on, edits, closes and reopens their own, and nobody else's. Someone else's ticket is
 * NOT_FOUND, exactly like one that does not exist, so ids and numbers reveal nothing.
 */

const ticketView = {
  id: true,
  number: true,
  subject: true,
  description: true,
  status: true,
  priority: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  // false: a guest typed this contact's email; the contact sees it marked, never as their own words.
  identityVerified: true,
} as const;

type TicketInput = FilesOptional<NewTicket>;
type GuestTicketInput = FilesOptional<NewGuestTicket>;

const notFound = () => new AsapError("NOT_FOUND", "There is no such ticket.", "Check the ticket number.");

/**
 * Spread into every write to a ticket by someone other than its guest (its contact, an agent): the
 * guest's receipt stops working, so linking can never hand over what others wrote (./continuity).
 */
export const SPENDS_RECEIPT = { guestTokenHash: null } as const;

export async function submitTicket(caller: Caller, input: TicketInput | GuestTicketInput, idempotencyKey: string | null) {
  if (caller.kind === "anonymous") await spendGuestSubmission(caller.clientIp, (input as GuestTicketInput).email);
  // On SQLite two processes may pick the same next number; the unique index refuses the second,
  // which retries. PostgreSQL's sequence never repeats one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createTicketOnce(caller, input, idempotencyKey);
    } catch (error) {
      const numberTaken = isUniqueViolation(error);
      if (!numberTaken || attempt === 3) throw error;
    }
  }
}

/**
 * A guest's ticket comes with a receipt (guestToken) for linking it to an account later
 * (./continuity). The stored answer of an Idempotency-Key never holds it (a live token would sit in
 * the database); a replay, whose first answer may never have arrived, gets a fresh one instead, which
 * replaces the first while the ticket is still unlinked.
 */
async function createTicketOnce(caller: Caller, input: TicketInput | GuestTicketInput, idempotencyKey: string | null): Promise<StoredResponse<NewTicketAnswer> & { replayed: boolean }> {
  const guestToken = caller.kind === "anonymous" ? newGuestToken() : null;
  const result = await createTicketRecord(caller, input, idempotencyKey, guestToken);
  if (!guestToken) return result;
  const issued = result.replayed ? await reissueReceipt(String(result.body.ticket.id), guestToken) : true;
  const body: Jsonable<NewTicketAnswer> = issued ? { ...result.body, guestToken } : result.body;
  return { ...result, body };
}

async function reissueReceipt(ticketId: string, guestToken: string): Promise<boolean> {
  const { count } = await db.ticket.updateMany({ where: { id: ticketId, guestTokenHash: { not: null } }, data: { guestTokenHash: hashGuestToken(guestToken) } });
  return count === 1;
}

function createTicketRecord(caller: Caller, input: TicketInput | GuestTicketInput, idempotencyKey: string | null, guestToken: string | null) {
  const scope = caller.kind === "contact" ? `ticket:create:contact:${caller.contact.id}` : `ticket:create:anonymous:${(input as GuestTicketInput).email}`;
  return idempotent<TicketAnswer>(scope, idempotencyKey, input, async (tx) => {
    const contactId =
      caller.kind === "contact"
        ? caller.contact.id
        : (
            await tx.contact.upsert({
              where: { email: (input as GuestTicketInput).email },
              create: { email: (input as GuestTicketInput).email, name: (input as GuestTicketInput).name },
              update: {},
              select: { id: true },
            })
          ).id;
    const ticket = await tx.ticket.create({
      data: {
        number: await nextTicketNumber(tx),
        subject: input.subject,
        description: input.description,
        priority: input.priority,
        channel: "asap",
        contactId,
        addonId: caller.kind === "contact" ? caller.addonId : null,
        identityVerified: caller.kind === "contact",
        guestTokenHash: guestToken ? hashGuestToken(guestToken) : null,
      },
      select: ticketView,
    });
    await attachUploads(tx, caller.kind === "contact" ? { kind: "contact", contactId } : { kind: "guest" }, input.attachmentIds, { ticketId: ticket.id });
    if (input.deflectionKey) await markDeflectionSubmitted(tx, input.deflectionKey, ticket.id);
    return { status: 201, body: { ticket } };
  });
}

export async function listMyTickets(contactId: string, { status, page, pageSize }: TicketListQuery) {
  const where = { contactId, ...(status ? { status } : {}) };
  const [tickets, total] = await Promise.all([
    db.ticket.findMany({ where, select: ticketView, orderBy: { updatedAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.ticket.count({ where }),
  ]);
  return { tickets, total, page, pageSize };
}

/** "1042" is a ticket number; anything else a ticket id. Always scoped to the owner. */
export function ownTicket(contactId: string, idOrNumber: string) {
  return /^\d{1,9}$/.test(idOrNumber) ? { contactId, number: Number(idOrNumber) } : { contactId, id: idOrNumber };
}

export async function readMyTicket(contactId: string, idOrNumber: string) {
  const ticket = await db.ticket.findFirst({
    where: ownTicket(contactId, idOrNumber),
    select: {
      ...ticketView,
      attachments: { where: { commentId: null }, ...attachmentsOf }, // the ticket's own; comments list theirs
      comments: {
        where: { isPublic: true }, // agents' private notes never reach the contact
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, agent: { select: { name: true } }, contact: { select: { name: true } }, attachments: attachmentsOf },
      },
    },
  });
  if (!ticket) throw notFound();
  const { comments, attachments, ...rest } = ticket;
  return {
    ...rest,
    attachments: attachments.map(toAttachment),
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      author: c.agent ? { kind: "agent", name: c.agent.name } : { kind: "contact", name: c.contact?.name ?? "You" },
      attachments: c.attachments.map(toAttachment),
    })),
  };
}

export async function changeMyTicket(contactId: string, idOrNumber: string, changes: TicketChanges) {
  const ticket = await db.ticket.findFirst({ where: ownTicket(contactId, idOrNumber), select: { id: true, status: true } });
  if (!ticket) throw notFound();
  const { status, ...fields } = changes;
  const statusChange =
    status === undefined || status === ticket.status ? {} : status === "closed" ? { status, closedAt: new Date() } : { status, closedAt: null };
  return db.ticket.update({ where: { id: ticket.id }, data: { ...fields, ...statusChange, ...SPENDS_RECEIPT }, select: ticketView });
}

export async function commentOnMyTicket(contactId: string, idOrNumber: string, input: FilesOptional<CommentInput>, idempotencyKey: string | null) {
  const ticket = await db.ticket.findFirst({ where: ownTicket(contactId, idOrNumber), select: { id: true, status: true } });
  if (!ticket) throw notFound();
  return idempotent<NewCommentAnswer>(`comment:create:contact:${contactId}:${ticket.id}`, idempotencyKey, input, async (tx) => {
    const created = await tx.ticketComment.create({
      data: { ticketId: ticket.id, contactId, body: input.body, identityVerified: true }, // comments need an ASAP session
      select: { id: true, body: true, createdAt: true },
    });
    const attachments = await attachUploads(tx, { kind: "contact", contactId }, input.attachmentIds, { ticketId: ticket.id, commentId: created.id });
    const comment = { ...created, attachments };
    // A customer's reply reopens a ticket that was on hold, as help desks do.
    if (ticket.status === "on_hold") await tx.ticket.update({ where: { id: ticket.id }, data: { status: "open", ...SPENDS_RECEIPT } });
    else await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date(), ...SPENDS_RECEIPT } });
    return { status: 201, body: { comment } };
  });
}
