import "server-only";
import type { TicketPriority, TicketStatus } from "@/lib/contract/vocabulary";
import { attachmentsOf, toAttachment } from "@/lib/desk/attachments/view";
import { db } from "@/lib/shared/db";

/** The agent console's reads: the ticket queue, one ticket with its whole thread, the chat inbox. */
// The customer's satisfaction rating, as agents see it: never who else rated what.
const ratingView = { select: { score: true, comment: true, createdAt: true, changedAt: true } } as const;

export type QueueFilter = { status?: TicketStatus; mine?: boolean; priority?: TicketPriority };

export function ticketQueue(agentId: string, { status, mine, priority }: QueueFilter) {
  return db.ticket.findMany({
    where: { ...(status ? { status } : {}), ...(priority ? { priority } : {}), ...(mine ? { assigneeId: agentId } : {}) },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      priority: true,
      updatedAt: true,
      identityVerified: true,
      contact: { select: { name: true, email: true } },
      assignee: { select: { name: true } },
    },
  });
}

/** Agents see every file, private notes' included: reading the thread is their job. */
export async function ticketForAgent(number: number) {
  const ticket = await db.ticket.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      subject: true,
      description: true,
      status: true,
      priority: true,
      channel: true,
      identityVerified: true,
      createdAt: true,
      contact: { select: { name: true, email: true } },
      assignee: { select: { id: true, name: true } },
      rating: ratingView,
      attachments: { where: { commentId: null }, ...attachmentsOf }, // the ticket's own; comments list theirs
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          isPublic: true,
          identityVerified: true,
          createdAt: true,
          agent: { select: { name: true } },
          contact: { select: { name: true } },
          attachments: attachmentsOf,
        },
      },
    },
  });
  if (!ticket) return null;
  return {
    ...ticket,
    attachments: ticket.attachments.map(toAttachment),
    comments: ticket.comments.map((c) => ({ ...c, attachments: c.attachments.map(toAttachment) })),
  };
}

export function chatInbox() {
  return db.chatSession.findMany({
    where: { status: { not: "ended" } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, visitorName: true, visitorEmail: true, status: true, createdAt: true, contactId: true, identityVerified: true, _count: { select: { messages: true } } },
  });
}

export async function chatForAgent(chatId: string) {
  const chat = await db.chatSession.findUnique({
    where: { id: chatId },
    select: {
      id: true,
      visitorName: true,
      visitorEmail: true,
      status: true,
      contactId: true,
      identityVerified: true,
      rating: ratingView,
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, kind: true, agent: { select: { name: true } }, attachments: attachmentsOf },
      },
    },
  });
  if (!chat) return null;
  return { ...chat, messages: chat.messages.map((m) => ({ ...m, attachments: m.attachments.map(toAttachment) })) };
}
