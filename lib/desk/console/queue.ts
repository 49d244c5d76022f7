import "server-only";
import type { TicketPriority, TicketStatus } from "@/lib/contract/vocabulary";
import { db } from "@/lib/shared/db";

/** The agent console's reads: the ticket queue, one ticket with its whole thread, the chat inbox. */
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

export function ticketForAgent(number: number) {
  return db.ticket.findUnique({
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
      comments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, isPublic: true, identityVerified: true, createdAt: true, agent: { select: { name: true } }, contact: { select: { name: true } } },
      },
    },
  });
}

export function chatInbox() {
  return db.chatSession.findMany({
    where: { status: { not: "ended" } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, visitorName: true, visitorEmail: true, status: true, createdAt: true, contactId: true, identityVerified: true, _count: { select: { messages: true } } },
  });
}

export function chatForAgent(chatId: string) {
  return db.chatSession.findUnique({
    where: { id: chatId },
    select: {
      id: true,
      visitorName: true,
      visitorEmail: true,
      status: true,
      contactId: true,
      identityVerified: true,
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, agent: { select: { name: true } } } },
    },
  });
}
