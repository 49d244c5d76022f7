import { describe, expect, it } from "vitest";
import { receiveUpload, type Uploader } from "@/lib/desk/attachments/upload";
import { startChat } from "@/lib/desk/help-center/chat";
import { readMyTicket, submitTicket } from "@/lib/desk/help-center/tickets";
import { db } from "@/lib/shared/db";
import { contactCaller, newAgent } from "@/test/integration/callers";
import { chatForAgent, ticketForAgent } from "./queue";
import { assignTicketToMe, endChat, replyToChat, replyToTicket, setTicketStatus } from "./writes";

// The agent console's writes on a real database: each change, and its audit entry beside it.

async function ticketFromCustomer() {
  const customer = await contactCaller("Ada");
  const { body } = await submitTicket(customer, { subject: "Deploy stuck", description: "Stuck at 90%", priority: "medium" }, null);
  return { customer, ticketId: (body as { ticket: { id: string } }).ticket.id };
}

const uploadText = (uploader: Uploader, name: string, text: string) => receiveUpload(uploader, name, async () => Buffer.from(text));

const auditOf = (target: string) =>
  db.auditEvent.findMany({ where: { target }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true, detail: true } });

describe("agent console: tickets", () => {
  it("a public reply reaches the customer, puts the ticket on hold, assigns it, and is audited", async () => {
    const { customer, ticketId } = await ticketFromCustomer();
    const agent = await newAgent("Grace");
    await replyToTicket(agent, ticketId, { body: "We are on it.", isPublic: true });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, assigneeId: true } })).toEqual({ status: "on_hold", assigneeId: agent.id });
    expect((await readMyTicket(customer.contact.id, ticketId)).comments.map((c) => c.body)).toEqual(["We are on it."]);
    expect(await auditOf(`ticket:${ticketId}`)).toEqual([{ actorId: agent.id, action: "ticket.reply", detail: "Replied to the customer" }]);
  });

  it("a private note changes nothing the customer sees, and its audit entry does not repeat it", async () => {
    const { customer, ticketId } = await ticketFromCustomer();
    const agent = await newAgent();
    await replyToTicket(agent, ticketId, { body: "internal: on the old plan", isPublic: false });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true, assigneeId: true } })).toEqual({ status: "open", assigneeId: null });
    expect((await readMyTicket(customer.contact.id, ticketId)).comments).toEqual([]);
    const audit = await auditOf(`ticket:${ticketId}`);
    expect(audit).toEqual([{ actorId: agent.id, action: "ticket.note", detail: "Added a private note" }]);
    expect(JSON.stringify(audit)).not.toContain("old plan");
  });

  it("a status change sets or clears closedAt and records before and after; the same status records nothing", async () => {
    const { ticketId } = await ticketFromCustomer();
    const agent = await newAgent();
    await setTicketStatus(agent, ticketId, "closed");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).closedAt).toBeInstanceOf(Date);
    await setTicketStatus(agent, ticketId, "closed");
    await setTicketStatus(agent, ticketId, "open");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).closedAt).toBeNull();
    expect((await auditOf(`ticket:${ticketId}`)).map((e) => e.detail)).toEqual(["status: open → closed", "status: closed → open"]);
  });

  it("assigning to oneself is audited once, and again when another agent takes the ticket", async () => {
    const { ticketId } = await ticketFromCustomer();
    const [grace, sam] = [await newAgent("Grace"), await newAgent("Sam")];
    await assignTicketToMe(grace, ticketId);
    await assignTicketToMe(grace, ticketId);
    await assignTicketToMe(sam, ticketId);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).assigneeId).toBe(sam.id);
    expect(await auditOf(`ticket:${ticketId}`)).toEqual([
      { actorId: grace.id, action: "ticket.assign", detail: "Assigned to Grace" },
      { actorId: sam.id, action: "ticket.assign", detail: "Assigned to Sam" },
    ]);
  });

  it("a write to a ticket that does not exist fails and leaves no audit entry", async () => {
    const agent = await newAgent();
    await expect(setTicketStatus(agent, "no-such-ticket", "closed")).rejects.toThrow();
    await expect(replyToTicket(agent, "no-such-ticket", { body: "hi", isPublic: true })).rejects.toThrow();
    expect(await auditOf("ticket:no-such-ticket")).toEqual([]);
  });
});

describe("agent console: chats", () => {
  it("a reply makes the chat active and is audited; ending it is audited once", async () => {
    const { chat } = await startChat(await contactCaller(), { message: "Help with DNS" });
    const agent = await newAgent("Sam");
    await replyToChat(agent, chat.id, { body: "Which domain?" });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.id } })).status).toBe("active");
    expect(await db.chatMessage.count({ where: { sessionId: chat.id, agentId: agent.id } })).toBe(1);
    await endChat(agent, chat.id);
    await endChat(agent, chat.id);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.id }, select: { status: true, endedAt: true } })).toEqual({ status: "ended", endedAt: expect.any(Date) });
    expect(await auditOf(`chat:${chat.id}`)).toEqual([
      { actorId: agent.id, action: "chat.reply", detail: "Replied in the chat" },
      { actorId: agent.id, action: "chat.end", detail: "Ended the chat" },
    ]);
  });
});

describe("agent console: files in the thread", () => {
  it("the ticket's own files sit on the ticket; an agent's reply and private note show theirs, to the agent", async () => {
    const customer = await contactCaller("Ada");
    const log = await uploadText({ kind: "contact", contactId: customer.contact.id }, "build.log", "step 2 FAILED");
    const { body } = await submitTicket(customer, { subject: "Deploy stuck", description: "Log attached", priority: "medium", attachmentIds: [log.id] }, null);
    const { id: ticketId, number } = (body as { ticket: { id: string; number: number } }).ticket;
    const agent = await newAgent();
    const steps = await uploadText({ kind: "agent", agentId: agent.id }, "steps.txt", "1. clear the cache");
    const internal = await uploadText({ kind: "agent", agentId: agent.id }, "internal.txt", "on the legacy plan");
    await replyToTicket(agent, ticketId, { body: "", isPublic: true, attachmentIds: [steps.id] });
    await replyToTicket(agent, ticketId, { body: "see the file", isPublic: false, attachmentIds: [internal.id] });

    const ticket = await ticketForAgent(number);
    expect(ticket?.attachments.map((a) => a.name)).toEqual(["build.log"]);
    expect(ticket?.comments.map((c) => c.attachments.map((a) => a.name))).toEqual([["steps.txt"], ["internal.txt"]]);
    expect(ticket?.comments[0]?.attachments[0]).toEqual({ id: steps.id, name: "steps.txt", size: 18, contentType: "text/plain", image: false, createdAt: expect.any(Date) });
  });

  it("a chat reply's file shows on its message", async () => {
    const { chat } = await startChat(await contactCaller(), { message: "Help with DNS" });
    const agent = await newAgent();
    const guide = await uploadText({ kind: "agent", agentId: agent.id }, "dns.txt", "add a CNAME record");
    await replyToChat(agent, chat.id, { body: "This should help", attachmentIds: [guide.id] });
    const messages = (await chatForAgent(chat.id))?.messages ?? [];
    expect(messages.map((m) => m.attachments.map((a) => a.id))).toEqual([[], [guide.id]]);
  });
});
