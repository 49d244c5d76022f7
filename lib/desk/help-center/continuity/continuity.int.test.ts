import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { contactCaller, guestCaller } from "@/test/integration/callers";
import { findOwnChat, messagesAfter, startChat } from "../chat";
import { listMyTickets, readMyTicket, submitTicket } from "../tickets";
import { continueAsContact, linkConfirmed } from ".";

// Guest to signed-in on a real database: what a browser proves with its guest tokens joins the
// account it signs in to, at once when the guest's email was the contact's, only on confirmation
// otherwise; anything else is "gone", and a token links once, however many tabs race.

type Signed = Awaited<ReturnType<typeof contactCaller>>;
const question = { subject: "Refund", description: "Charged twice", priority: "medium" as const };

async function guestChat(email?: string) {
  const started = await startChat(guestCaller(), { name: "Guest Ada", ...(email ? { email } : {}), message: "Is anyone there?" });
  return { chatId: started.chat.id, token: started.visitorToken ?? "" };
}

async function guestTicket(email: string) {
  const { body } = await submitTicket(guestCaller(), { ...question, name: "Guest Ada", email, attachmentIds: [] }, null);
  const answer = body as { ticket: { id: string; number: number }; guestToken?: string };
  return { ticketId: answer.ticket.id, number: answer.ticket.number, token: answer.guestToken ?? "" };
}

const mine = async (me: Signed) => (await listMyTickets(me.contact.id, { page: 1, pageSize: 50 })).tickets;

describe("continuity: the guest's email was the contact's", () => {
  it("links the chat at once: same id, messages kept, verified, a notice, and the guest token stops working", async () => {
    const me = await contactCaller("Ada");
    const chat = await guestChat(me.contact.email.toUpperCase()); // emails match whatever their case
    const answer = await continueAsContact(me.contact, { chats: [chat], tickets: [] });
    expect(answer.chats).toEqual([{ chatId: chat.chatId, outcome: "linked" }]);

    expect((await findOwnChat(me, chat.chatId, null)).id).toBe(chat.chatId);
    const row = await db.chatSession.findUniqueOrThrow({ where: { id: chat.chatId } });
    expect(row).toMatchObject({ contactId: me.contact.id, identityVerified: true, visitorTokenHash: null, visitorEmail: me.contact.email, visitorName: "Ada" });
    const messages = await messagesAfter(chat.chatId, null);
    expect(messages.map((m) => [m.from.kind, m.body])).toEqual([
      ["visitor", "Is anyone there?"],
      ["system", `Signed in as ${me.contact.email} (verified). Earlier messages were sent as a guest with this email.`],
    ]);
    expect((await findOwnChat(guestCaller(), chat.chatId, chat.token).catch((e: Error) => e)) instanceof Error).toBe(true);
  });

  it("asks before making the guest ticket the contact's own (the guest typed the email), then: verified, receipt spent, a note for agents", async () => {
    const me = await contactCaller();
    const sent = await guestTicket(me.contact.email);
    expect(sent.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Before: on this contact, marked as a guest's submission.
    expect((await mine(me)).map((t) => [t.id, t.identityVerified])).toEqual([[sent.ticketId, false]]);

    const answer = await continueAsContact(me.contact, { chats: [], tickets: [{ ticketId: sent.ticketId, token: sent.token }] });
    expect(answer.tickets).toEqual([{ ticketId: sent.ticketId, outcome: "needs_confirmation", guest: { name: null, email: me.contact.email }, number: sent.number, subject: "Refund" }]);
    expect((await mine(me)).map((t) => [t.id, t.identityVerified])).toEqual([[sent.ticketId, false]]);
    expect(await linkConfirmed(me.contact, { kind: "ticket", id: sent.ticketId, token: sent.token, confirm: true })).toBe("linked");
    expect((await mine(me)).map((t) => [t.id, t.identityVerified])).toEqual([[sent.ticketId, true]]);
    const notes = await db.ticketComment.findMany({ where: { ticketId: sent.ticketId } });
    expect(notes).toEqual([expect.objectContaining({ isPublic: false, agentId: null, contactId: null })]);
    expect((await readMyTicket(me.contact.id, sent.ticketId)).comments).toEqual([]); // the note is agents' only
    // Spent: a second try is gone.
    expect((await continueAsContact(me.contact, { chats: [], tickets: [{ ticketId: sent.ticketId, token: sent.token }] })).tickets[0]?.outcome).toBe("gone");
  });
});

describe("continuity: the guest typed another email, or none", () => {
  it("asks first, telling only what the guest typed; confirming links the chat with a notice naming both", async () => {
    const me = await contactCaller("Ada");
    const chat = await guestChat("b@x.example");
    const first = await continueAsContact(me.contact, { chats: [chat], tickets: [] });
    expect(first.chats).toEqual([{ chatId: chat.chatId, outcome: "needs_confirmation", guest: { name: "Guest Ada", email: "b@x.example" } }]);
    // Nothing changed yet: the chat is still the guest's.
    expect((await findOwnChat(guestCaller(), chat.chatId, chat.token)).id).toBe(chat.chatId);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.chatId } })).contactId).toBeNull();

    expect(await linkConfirmed(me.contact, { kind: "chat", id: chat.chatId, token: chat.token, confirm: true })).toBe("linked");
    const notice = (await messagesAfter(chat.chatId, null)).at(-1);
    expect(notice).toMatchObject({ from: { kind: "system" }, body: `Signed in as ${me.contact.email} (verified). Earlier messages were sent as a guest who typed b@x.example.` });
  });

  it("a chat whose guest gave no email also needs confirmation", async () => {
    const me = await contactCaller();
    const chat = await guestChat();
    const answer = await continueAsContact(me.contact, { chats: [chat], tickets: [] });
    expect(answer.chats).toEqual([{ chatId: chat.chatId, outcome: "needs_confirmation", guest: { name: "Guest Ada", email: null } }]);
  });

  it("moves a confirmed ticket from the typed email's contact to the signed-in one, with a note saying what was typed", async () => {
    const me = await contactCaller();
    const typed = `${randomUUID()}@elsewhere.example`;
    const sent = await guestTicket(typed);
    const answer = await continueAsContact(me.contact, { chats: [], tickets: [{ ticketId: sent.ticketId, token: sent.token }] });
    // The typed email only: never the stored contact's name, which may be someone else's.
    expect(answer.tickets).toEqual([{ ticketId: sent.ticketId, outcome: "needs_confirmation", guest: { name: null, email: typed }, number: sent.number, subject: "Refund" }]);
    expect(await mine(me)).toEqual([]);

    expect(await linkConfirmed(me.contact, { kind: "ticket", id: sent.ticketId, token: sent.token, confirm: true })).toBe("linked");
    expect((await mine(me)).map((t) => [t.id, t.identityVerified])).toEqual([[sent.ticketId, true]]);
    const typedContact = await db.contact.findUniqueOrThrow({ where: { email: typed }, select: { id: true } });
    expect(await listMyTickets(typedContact.id, { page: 1, pageSize: 50 })).toMatchObject({ tickets: [] });
    const [note] = await db.ticketComment.findMany({ where: { ticketId: sent.ticketId } });
    expect(note?.body).toContain(`Moved to ${me.contact.email}`);
    expect(note?.body).toContain(`after the person confirmed. The guest had typed ${typed}.`);
  });
});

describe("continuity: nothing without the proof", () => {
  it("another person's token, a token for another chat, or none at all is gone, and changes nothing", async () => {
    const me = await contactCaller();
    const hers = await guestChat(me.contact.email);
    const other = await guestChat(me.contact.email);
    const forged = { chatId: hers.chatId, token: "A".repeat(43) };
    const swapped = { chatId: hers.chatId, token: other.token };
    const answer = await continueAsContact(me.contact, { chats: [forged, swapped], tickets: [{ ticketId: "no-such-ticket", token: "B".repeat(43) }] });
    expect(answer).toEqual({
      chats: [
        { chatId: hers.chatId, outcome: "gone" },
        { chatId: hers.chatId, outcome: "gone" },
      ],
      tickets: [{ ticketId: "no-such-ticket", outcome: "gone" }],
    });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: hers.chatId } })).contactId).toBeNull();
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: other.chatId } })).contactId).toBeNull();
  });

  it("user B cannot link A's chat or ticket without their tokens, even confirming, and with matching ids", async () => {
    const a = await contactCaller("A");
    const b = await contactCaller("B");
    const chat = await guestChat(a.contact.email);
    const ticket = await guestTicket(a.contact.email);
    expect(await linkConfirmed(b.contact, { kind: "chat", id: chat.chatId, token: "C".repeat(43), confirm: true })).toBe("gone");
    expect(await linkConfirmed(b.contact, { kind: "ticket", id: ticket.ticketId, token: "D".repeat(43), confirm: true })).toBe("gone");
    expect((await findOwnChat(guestCaller(), chat.chatId, chat.token)).id).toBe(chat.chatId); // still the guest's
    expect(await mine(b)).toEqual([]);
  });

  it("an ended chat is gone, even with its token and a matching email", async () => {
    const me = await contactCaller();
    const chat = await guestChat(me.contact.email);
    await db.chatSession.update({ where: { id: chat.chatId }, data: { status: "ended", endedAt: new Date() } });
    expect((await continueAsContact(me.contact, { chats: [chat], tickets: [] })).chats).toEqual([{ chatId: chat.chatId, outcome: "gone" }]);
    expect(await linkConfirmed(me.contact, { kind: "chat", id: chat.chatId, token: chat.token, confirm: true })).toBe("gone");
  });

  it("two tabs racing to link the same chat and ticket: each links once, the other hears gone", async () => {
    const me = await contactCaller();
    const other = await contactCaller();
    const chat = await guestChat("shared@x.example");
    const ticket = await guestTicket(`${randomUUID()}@x.example`);
    const results = await Promise.all([
      linkConfirmed(me.contact, { kind: "chat", id: chat.chatId, token: chat.token, confirm: true }),
      linkConfirmed(other.contact, { kind: "chat", id: chat.chatId, token: chat.token, confirm: true }),
      linkConfirmed(me.contact, { kind: "ticket", id: ticket.ticketId, token: ticket.token, confirm: true }),
      linkConfirmed(other.contact, { kind: "ticket", id: ticket.ticketId, token: ticket.token, confirm: true }),
    ]);
    expect(results.slice(0, 2).sort()).toEqual(["gone", "linked"]);
    expect(results.slice(2).sort()).toEqual(["gone", "linked"]);
    expect((await messagesAfter(chat.chatId, null)).filter((m) => m.from.kind === "system")).toHaveLength(1);
    expect(await db.ticketComment.count({ where: { ticketId: ticket.ticketId } })).toBe(1);
  });
});

describe("guest ticket receipts", () => {
  it("a replay of the same Idempotency-Key gets a fresh receipt that replaces the first, and stores neither", async () => {
    const email = `${randomUUID()}@example.com`;
    const input = { ...question, name: "Guest", email, attachmentIds: [] };
    const key = randomUUID();
    const first = (await submitTicket(guestCaller(), input, key)).body as { ticket: { id: string }; guestToken: string };
    const replay = (await submitTicket(guestCaller(), input, key)).body as { ticket: { id: string }; guestToken: string };
    expect(replay.ticket.id).toBe(first.ticket.id);
    expect(replay.guestToken).not.toBe(first.guestToken);
    const stored = await db.idempotencyRecord.findMany({ where: { key } });
    expect(stored.map((r) => r.responseBody ?? "").join("")).not.toContain("guestToken");
    const me = await contactCaller();
    expect(await linkConfirmed(me.contact, { kind: "ticket", id: first.ticket.id, token: first.guestToken, confirm: true })).toBe("gone");
    expect(await linkConfirmed(me.contact, { kind: "ticket", id: first.ticket.id, token: replay.guestToken, confirm: true })).toBe("linked");
  });

  it("a signed-in contact's ticket carries no receipt", async () => {
    const me = await contactCaller();
    const { body } = await submitTicket(me, { ...question, attachmentIds: [] }, null);
    expect(body).not.toHaveProperty("guestToken");
  });
});

describe("a receipt never hands over what someone else wrote", () => {
  it("is spent by the typed email's contact commenting, and by an agent's reply or change of status", async () => {
    const { commentOnMyTicket } = await import("../tickets");
    const { replyToTicket, setTicketStatus } = await import("@/lib/desk/console/writes");
    const agent = await db.agent.create({ data: { email: `${randomUUID()}@desk.example`, name: "Agent", role: "agent", passwordHash: "x" }, select: { id: true, name: true, email: true, role: true } });
    const mallory = await contactCaller("Mallory");
    const vera = await contactCaller("Vera");
    const actions = [
      (ticketId: string) => commentOnMyTicket(vera.contact.id, ticketId, { body: "My card ends 4242", attachmentIds: [] }, null),
      (ticketId: string) => replyToTicket(agent, ticketId, { body: "Your account number is 77", isPublic: true }),
      (ticketId: string) => setTicketStatus(agent, ticketId, "closed"),
    ];
    for (const act of actions) {
      const sent = await guestTicket(vera.contact.email); // Mallory, as a guest, types Vera's email
      await act(sent.ticketId);
      expect(await linkConfirmed(mallory.contact, { kind: "ticket", id: sent.ticketId, token: sent.token, confirm: true })).toBe("gone");
      expect((await db.ticket.findUniqueOrThrow({ where: { id: sent.ticketId } })).contactId).toBe(vera.contact.id);
    }
  });

  it("expires after a week", async () => {
    const me = await contactCaller();
    const sent = await guestTicket(me.contact.email);
    await db.ticket.update({ where: { id: sent.ticketId }, data: { createdAt: new Date(Date.now() - 8 * 24 * 3_600_000) } });
    expect(await linkConfirmed(me.contact, { kind: "ticket", id: sent.ticketId, token: sent.token, confirm: true })).toBe("gone");
  });
});
