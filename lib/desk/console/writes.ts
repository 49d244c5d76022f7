import "server-only";
import type { TicketStatus } from "@/lib/contract/vocabulary";
import { attachUploads } from "@/lib/desk/attachments/attach";
import { recordAudit } from "@/lib/desk/audit";
import { SPENDS_RECEIPT } from "@/lib/desk/help-center/tickets";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import { transaction } from "@/lib/shared/transaction";

/**
 * The agent console's writes. Each change and its audit entry commit together, as the portal's
 * add-on writes do (lib/desk/addons/admin.ts), so "who answered, closed or took this" is on record.
 * The entry says what kind of change it was, never what a reply or note said.
 */
/** A reply or note, with the files the agent uploaded for it. */
type AgentReply = { body: string; isPublic: boolean; attachmentIds?: string[] };

export async function replyToTicket(agent: PortalAgent, ticketId: string, reply: AgentReply): Promise<void> {
  await transaction(async (tx) => {
    const comment = await tx.ticketComment.create({
      data: { ticketId, agentId: agent.id, body: reply.body, isPublic: reply.isPublic, identityVerified: true },
      select: { id: true },
    });
    await attachUploads(tx, { kind: "agent", agentId: agent.id }, reply.attachmentIds, { ticketId, commentId: comment.id });
    // A public answer hands the ticket back to the customer; a note changes nothing they see.
    await tx.ticket.update({ where: { id: ticketId }, data: { ...(reply.isPublic ? { status: "on_hold", assigneeId: agent.id } : { updatedAt: new Date() }), ...SPENDS_RECEIPT } });
    await recordAudit(tx, {
      actorId: agent.id,
      action: reply.isPublic ? "ticket.reply" : "ticket.note",
      target: `ticket:${ticketId}`,
      detail: reply.isPublic ? "Replied to the customer" : "Added a private note",
    });
  });
}

export async function setTicketStatus(agent: PortalAgent, ticketId: string, status: TicketStatus): Promise<void> {
  await transaction(async (tx) => {
    const before = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true } });
    if (before.status === status) return;
    await tx.ticket.update({ where: { id: ticketId }, data: { status, closedAt: status === "closed" ? new Date() : null, ...SPENDS_RECEIPT } });
    await recordAudit(tx, { actorId: agent.id, action: "ticket.status", target: `ticket:${ticketId}`, detail: `status: ${before.status} → ${status}` });
  });
}

export async function assignTicketToMe(agent: PortalAgent, ticketId: string): Promise<void> {
  await transaction(async (tx) => {
    const before = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { assigneeId: true } });
    if (before.assigneeId === agent.id) return;
    await tx.ticket.update({ where: { id: ticketId }, data: { assigneeId: agent.id } });
    await recordAudit(tx, { actorId: agent.id, action: "ticket.assign", target: `ticket:${ticketId}`, detail: `Assigned to ${agent.name}` });
  });
}

export async function replyToChat(agent: PortalAgent, chatId: string, message: { body: string; attachmentIds?: string[] }): Promise<void> {
  await transaction(async (tx) => {
    const created = await tx.chatMessage.create({ data: { sessionId: chatId, agentId: agent.id, body: message.body }, select: { id: true } });
    await attachUploads(tx, { kind: "agent", agentId: agent.id }, message.attachmentIds, { chatMessageId: created.id });
    await tx.chatSession.update({ where: { id: chatId }, data: { status: "active" } });
    await recordAudit(tx, { actorId: agent.id, action: "chat.reply", target: `chat:${chatId}`, detail: "Replied in the chat" });
  });
}

export async function endChat(agent: PortalAgent, chatId: string): Promise<void> {
  await transaction(async (tx) => {
    const before = await tx.chatSession.findUniqueOrThrow({ where: { id: chatId }, select: { status: true } });
    if (before.status === "ended") return;
    await tx.chatSession.update({ where: { id: chatId }, data: { status: "ended", endedAt: new Date() } });
    await recordAudit(tx, { actorId: agent.id, action: "chat.end", target: `chat:${chatId}`, detail: "Ended the chat" });
  });
}
