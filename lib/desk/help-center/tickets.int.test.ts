import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { requireContact } from "@/lib/desk/api/caller";
import { db } from "@/lib/shared/db";
import { contactCaller, guestCaller, newAgent, refusal } from "@/test/integration/callers";
import { changeMyTicket, commentOnMyTicket, listMyTickets, readMyTicket, submitTicket } from "./tickets";

// DESIGN §4's ticket cells of the permission matrix, and Idempotency-Key, on a real database.
type Created = { ticket: { id: string; number: number; status: string } };
const question = { subject: "Deploy stuck", description: "Stuck at 90%", priority: "medium" as const };

async function ownerWithTicket() {
  const owner = await contactCaller();
  const { body } = await submitTicket(owner, question, null);
  return { owner, ticket: (body as Created).ticket };
}

describe("tickets: who may do what", () => {
  it("a guest submits with name and email, unverified, and may do nothing else", async () => {
    const email = `${randomUUID()}@example.com`;
    const guest = guestCaller();
    const { status, body } = await submitTicket(guest, { ...question, name: "Guest", email }, null);
    expect(status).toBe(201);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: (body as Created).ticket.id }, select: { identityVerified: true, contact: { select: { email: true } } } });
    expect(row).toEqual({ identityVerified: false, contact: { email } });
    // Reading, listing, editing and commenting all need a contact; the routes ask requireContact.
    expect((await refusal(() => requireContact(guest))).code).toBe("UNAUTHENTICATED");
  });

  it("the owner lists, reads, comments on, closes and reopens their ticket, by id and by number", async () => {
    const { owner, ticket } = await ownerWithTicket();
    expect((await listMyTickets(owner.contact.id, { page: 1, pageSize: 20 })).tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect((await readMyTicket(owner.contact.id, String(ticket.number))).id).toBe(ticket.id);
    await commentOnMyTicket(owner.contact.id, ticket.id, { body: "Any news?", attachmentIds: [] }, null);
    expect((await readMyTicket(owner.contact.id, ticket.id)).comments.map((c) => c.body)).toEqual(["Any news?"]);
    const closed = await changeMyTicket(owner.contact.id, String(ticket.number), { status: "closed" });
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toBeInstanceOf(Date);
    const reopened = await changeMyTicket(owner.contact.id, ticket.id, { status: "open" });
    expect(reopened).toMatchObject({ status: "open", closedAt: null });
  });

  it("someone else's ticket is NOT_FOUND by id and by number, for every use, and nothing changes", async () => {
    const { ticket } = await ownerWithTicket();
    const other = await contactCaller("Mallory");
    for (const ref of [ticket.id, String(ticket.number)]) {
      expect((await refusal(readMyTicket(other.contact.id, ref))).code).toBe("NOT_FOUND");
      expect((await refusal(changeMyTicket(other.contact.id, ref, { status: "closed", subject: "mine now" }))).code).toBe("NOT_FOUND");
      expect((await refusal(commentOnMyTicket(other.contact.id, ref, { body: "hi", attachmentIds: [] }, null))).code).toBe("NOT_FOUND");
    }
    expect((await listMyTickets(other.contact.id, { page: 1, pageSize: 20 })).total).toBe(0);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { subject: true, status: true, _count: { select: { comments: true } } } });
    expect(row).toEqual({ subject: question.subject, status: "open", _count: { comments: 0 } });
  });

  it("a ticket that does not exist is the same NOT_FOUND as someone else's", async () => {
    const owner = await contactCaller();
    expect((await refusal(readMyTicket(owner.contact.id, "999999999"))).code).toBe("NOT_FOUND");
    expect((await refusal(readMyTicket(owner.contact.id, "c-not-an-id"))).code).toBe("NOT_FOUND");
  });

  it("an agent's private note never reaches the owner; a public answer does, with the agent's name", async () => {
    const { owner, ticket } = await ownerWithTicket();
    const agent = await newAgent("Grace");
    await db.ticketComment.create({ data: { ticketId: ticket.id, agentId: agent.id, body: "internal: customer is on the old plan", isPublic: false } });
    await db.ticketComment.create({ data: { ticketId: ticket.id, agentId: agent.id, body: "We are on it." } });
    const read = await readMyTicket(owner.contact.id, ticket.id);
    expect(read.comments.map((c) => ({ body: c.body, author: c.author }))).toEqual([{ body: "We are on it.", author: { kind: "agent", name: "Grace" } }]);
    expect(JSON.stringify(read)).not.toContain("internal");
  });

  it("the owner's reply reopens a ticket on hold", async () => {
    const { owner, ticket } = await ownerWithTicket();
    await db.ticket.update({ where: { id: ticket.id }, data: { status: "on_hold" } });
    await commentOnMyTicket(owner.contact.id, ticket.number.toString(), { body: "Still broken", attachmentIds: [] }, null);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("open");
  });
});

describe("tickets: Idempotency-Key", () => {
  it("a retry with the same key and body replays the original ticket and creates no second one", async () => {
    const owner = await contactCaller();
    const key = randomUUID();
    const first = await submitTicket(owner, question, key);
    const again = await submitTicket(owner, question, key);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ status: 201, replayed: true });
    expect((again.body as Created).ticket.id).toBe((first.body as Created).ticket.id);
    expect(await db.ticket.count({ where: { contactId: owner.contact.id } })).toBe(1);
  });

  it("the same key with another body is IDEMPOTENCY_KEY_REUSED", async () => {
    const owner = await contactCaller();
    const key = randomUUID();
    await submitTicket(owner, question, key);
    expect((await refusal(submitTicket(owner, { ...question, subject: "Something else" }, key))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db.ticket.count({ where: { contactId: owner.contact.id } })).toBe(1);
  });

  it("a key is scoped to its caller: another contact's same key creates their own ticket", async () => {
    const [ada, bob] = [await contactCaller("Ada"), await contactCaller("Bob")];
    const key = randomUUID();
    const a = await submitTicket(ada, question, key);
    const b = await submitTicket(bob, question, key);
    expect(b.replayed).toBe(false);
    expect((b.body as Created).ticket.id).not.toBe((a.body as Created).ticket.id);
    expect((await readMyTicket(bob.contact.id, (b.body as Created).ticket.id)).id).toBe((b.body as Created).ticket.id);
  });

  it("a guest's key is scoped to the email they give", async () => {
    const key = randomUUID();
    const mine = { ...question, name: "Guest", email: `${randomUUID()}@example.com` };
    const first = await submitTicket(guestCaller(), mine, key);
    expect((await submitTicket(guestCaller(), mine, key)).replayed).toBe(true);
    const theirs = await submitTicket(guestCaller(), { ...mine, email: `${randomUUID()}@example.com` }, key);
    expect(theirs.replayed).toBe(false);
    expect((theirs.body as Created).ticket.id).not.toBe((first.body as Created).ticket.id);
  });

  it("comments replay by key per ticket, and refuse the key with another body", async () => {
    const { owner, ticket } = await ownerWithTicket();
    const key = randomUUID();
    const first = await commentOnMyTicket(owner.contact.id, ticket.id, { body: "Any news?", attachmentIds: [] }, key);
    const again = await commentOnMyTicket(owner.contact.id, String(ticket.number), { body: "Any news?", attachmentIds: [] }, key);
    type Answer = { comment: { id: string } };
    expect(again.replayed).toBe(true);
    expect((again.body as Answer).comment.id).toBe((first.body as Answer).comment.id);
    expect((await refusal(commentOnMyTicket(owner.contact.id, ticket.id, { body: "Other words", attachmentIds: [] }, key))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await db.ticketComment.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("racing copies of one keyed request create one ticket", async () => {
    const owner = await contactCaller();
    const key = randomUUID();
    const answers = await Promise.allSettled(Array.from({ length: 4 }, () => submitTicket(owner, question, key)));
    const ids = new Set(answers.flatMap((a) => (a.status === "fulfilled" ? [(a.value.body as Created).ticket.id] : [])));
    expect(ids.size).toBe(1);
    expect(await db.ticket.count({ where: { contactId: owner.contact.id } })).toBe(1);
  });
});
