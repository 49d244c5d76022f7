import "server-only";
import type { AttachmentRecord, ChatRecord, LoginEvent, TicketRecord } from "@/lib/contract/test-control";
import type { Jsonable } from "@/lib/contract/json";
import { listLoginEvents, type LoginLogFilter } from "@/lib/desk/iam/login-log";
import { db } from "@/lib/shared/db";
import { TestControlError } from "./errors";

/** What a test reads back: the login log of an add-on, and the tickets and chats people made. */

const TAKE = 100;

/** GET addons/{id}/login-events: newest first (identical failures share a row, with a count). */
export async function readLoginEvents(addonId: string, filter: Pick<LoginLogFilter, "outcome" | "code">): Promise<Jsonable<LoginEvent>[]> {
  if (!(await db.asapAddon.findUnique({ where: { id: addonId }, select: { id: true } }))) {
    throw new TestControlError("ADDON_NOT_FOUND", `There is no add-on "${addonId}".`, "Check the add-on id.");
  }
  const events = await listLoginEvents(addonId, { ...filter, take: TAKE });
  return events.map((event) => ({
    at: event.createdAt,
    lastSeenAt: event.lastSeenAt,
    count: event.count,
    flow: event.flow === "legacy" ? "legacy" : "new",
    outcome: event.outcome === "success" ? "success" : "failure",
    code: event.code,
    email: event.email,
    detail: event.detail,
  }));
}

const attachmentRecord = { select: { name: true, contentType: true, size: true, uploaderKind: true }, orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] };
const toRecord = ({ uploaderKind, ...file }: { name: string; contentType: string; size: number; uploaderKind: string }): AttachmentRecord => ({
  ...file,
  uploadedBy: uploaderKind === "agent" ? "agent" : uploaderKind === "contact" ? "contact" : "guest",
});

const normalised = (email: string | undefined) => email?.trim().toLowerCase();

/** GET tickets: newest first, of one contact's email when given. */
export async function readTickets(email?: string): Promise<Jsonable<TicketRecord>[]> {
  const address = normalised(email);
  const tickets = await db.ticket.findMany({
    where: address ? { contact: { email: address } } : {},
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: TAKE,
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      priority: true,
      identityVerified: true,
      createdAt: true,
      contact: { select: { email: true, name: true } },
      attachments: attachmentRecord,
    },
  });
  return tickets.map(({ attachments, ...ticket }) => ({ ...ticket, attachments: attachments.map(toRecord) }));
}

/** GET chats: newest first, of one email (a contact's, or the one a guest typed) when given. */
export async function readChats(email?: string): Promise<Jsonable<ChatRecord>[]> {
  const address = normalised(email);
  const chats = await db.chatSession.findMany({
    where: address ? { OR: [{ visitorEmail: address }, { contact: { email: address } }] } : {},
    orderBy: { createdAt: "desc" },
    take: TAKE,
    select: {
      id: true,
      status: true,
      identityVerified: true,
      visitorName: true,
      visitorEmail: true,
      createdAt: true,
      _count: { select: { messages: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { attachments: attachmentRecord } },
    },
  });
  return chats.map(({ _count, messages, ...chat }) => ({ ...chat, messageCount: _count.messages, attachments: messages.flatMap((m) => m.attachments.map(toRecord)) }));
}
