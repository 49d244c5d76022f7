import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { contactCaller, guestCaller, refusal } from "@/test/integration/callers";
import { startChat } from "@/lib/desk/help-center/chat";
import { changeMyTicket, submitTicket } from "@/lib/desk/help-center/tickets";
import { rateChat, rateTicket, readChatRating, readTicketRating } from "./ratings";
import { summariseSatisfaction } from "./summary";

// Satisfaction ratings on a real database: only the owner, only when finished, one change, and races
// settled by the database rather than by the read before the write.

async function closedTicket() {
  const owner = await contactCaller();
  const { body } = await submitTicket(owner, { subject: "Invoice", description: "Wrong VAT", priority: "medium" }, null);
  const { ticket } = body as { ticket: { id: string; number: number } };
  await changeMyTicket(owner.contact.id, ticket.id, { status: "closed" });
  return { owner, ticket };
}

const endChat = (id: string) => db.chatSession.update({ where: { id }, data: { status: "ended", endedAt: new Date() } });

describe("satisfaction rating of a ticket", () => {
  it("the owner rates a closed ticket, changes it once, and a second change is RATING_FINAL", async () => {
    const { owner, ticket } = await closedTicket();
    expect(await readTicketRating(owner.contact.id, ticket.id)).toEqual({ rating: null, ratable: true });

    const first = await rateTicket(owner.contact.id, String(ticket.number), { score: "okay", comment: "Took a while" });
    expect(first).toMatchObject({ rating: { score: "okay", comment: "Took a while", changedAt: null, changeable: true }, ratable: true });

    const changed = await rateTicket(owner.contact.id, ticket.id, { score: "good", comment: null });
    expect(changed).toMatchObject({ rating: { score: "good", comment: null, changeable: false }, ratable: false });
    expect(changed.rating?.changedAt).toBeInstanceOf(Date);

    expect((await refusal(rateTicket(owner.contact.id, ticket.id, { score: "bad", comment: null }))).code).toBe("RATING_FINAL");
    // Sent again as it is (a retry): answered, not refused, and nothing changes.
    expect((await rateTicket(owner.contact.id, ticket.id, { score: "good", comment: null })).rating?.score).toBe("good");
    expect(await db.satisfactionRating.findUniqueOrThrow({ where: { ticketId: ticket.id }, select: { score: true, changeCount: true } })).toEqual({ score: "good", changeCount: 1 });
  });

  it("a ticket that is not closed is NOT_YET_RATABLE, and keeps its rating when reopened", async () => {
    const { owner, ticket } = await closedTicket();
    await changeMyTicket(owner.contact.id, ticket.id, { status: "open" });
    expect((await refusal(rateTicket(owner.contact.id, ticket.id, { score: "good", comment: null }))).code).toBe("NOT_YET_RATABLE");
    expect(await readTicketRating(owner.contact.id, ticket.id)).toEqual({ rating: null, ratable: false });

    await changeMyTicket(owner.contact.id, ticket.id, { status: "closed" });
    await rateTicket(owner.contact.id, ticket.id, { score: "bad", comment: null });
    await changeMyTicket(owner.contact.id, ticket.id, { status: "open" });
    expect(await readTicketRating(owner.contact.id, ticket.id)).toMatchObject({ rating: { score: "bad" }, ratable: false });
  });

  it("someone else can neither rate nor read the owner's rating: NOT_FOUND, as for no ticket at all", async () => {
    const { owner, ticket } = await closedTicket();
    await rateTicket(owner.contact.id, ticket.id, { score: "good", comment: "Private praise" });
    const other = await contactCaller("Mallory");
    for (const ref of [ticket.id, String(ticket.number)]) {
      expect((await refusal(readTicketRating(other.contact.id, ref))).code).toBe("NOT_FOUND");
      expect((await refusal(rateTicket(other.contact.id, ref, { score: "bad", comment: "mine now" }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(readTicketRating(owner.contact.id, "999999999"))).code).toBe("NOT_FOUND");
    expect(await readTicketRating(owner.contact.id, ticket.id)).toMatchObject({ rating: { score: "good", comment: "Private praise", changeable: true } });
  });

  it("of two changes sent at once, exactly one lands", async () => {
    const { owner, ticket } = await closedTicket();
    await rateTicket(owner.contact.id, ticket.id, { score: "good", comment: null });
    const results = await Promise.allSettled([
      rateTicket(owner.contact.id, ticket.id, { score: "bad", comment: "A" }),
      rateTicket(owner.contact.id, ticket.id, { score: "okay", comment: "B" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code);
    expect(refused).toEqual(["RATING_FINAL"]);
    const row = await db.satisfactionRating.findUniqueOrThrow({ where: { ticketId: ticket.id }, select: { score: true, comment: true, changeCount: true } });
    const winner = results.find((r) => r.status === "fulfilled")!.value;
    expect(row).toEqual({ score: winner.rating?.score, comment: winner.rating?.comment, changeCount: 1 });
  });

  it("of three first ratings sent at once, one is the rating, one its change, and the third is refused", async () => {
    const { owner, ticket } = await closedTicket();
    const results = await Promise.allSettled(
      (["good", "okay", "bad"] as const).map((score) => rateTicket(owner.contact.id, ticket.id, { score, comment: null })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as { code: string }).code)).toEqual(["RATING_FINAL"]);
    expect(await db.satisfactionRating.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect((await db.satisfactionRating.findUniqueOrThrow({ where: { ticketId: ticket.id } })).changeCount).toBe(1);
  });
});

describe("satisfaction rating of a chat", () => {
  it("a guest rates their ended chat by its token; without it, or as anyone else, it is NOT_FOUND", async () => {
    const guest = guestCaller();
    const { chat, visitorToken = null } = await startChat(guest, { name: "Guest", message: "Hello" });
    expect((await refusal(rateChat(guest, chat.id, visitorToken, { score: "good", comment: null }))).code).toBe("NOT_YET_RATABLE");
    await endChat(chat.id);
    expect(await readChatRating(guest, chat.id, visitorToken)).toEqual({ rating: null, ratable: true });
    expect((await rateChat(guest, chat.id, visitorToken, { score: "good", comment: "Fast" })).rating).toMatchObject({ score: "good", comment: "Fast" });

    expect((await refusal(readChatRating(guestCaller(), chat.id, null))).code).toBe("NOT_FOUND");
    expect((await refusal(rateChat(guestCaller(), chat.id, "x".repeat(43), { score: "bad", comment: null }))).code).toBe("NOT_FOUND");
    expect((await refusal(rateChat(await contactCaller(), chat.id, visitorToken, { score: "bad", comment: null }))).code).toBe("NOT_FOUND");
  });

  it("a contact rates their own ended chat, and changes it once", async () => {
    const me = await contactCaller();
    const { chat } = await startChat(me, { message: "About DNS" });
    await endChat(chat.id);
    await rateChat(me, chat.id, null, { score: "bad", comment: null });
    await rateChat(me, chat.id, null, { score: "okay", comment: "Solved in the end" });
    expect((await refusal(rateChat(me, chat.id, null, { score: "good", comment: null }))).code).toBe("RATING_FINAL");
    expect((await refusal(readChatRating(await contactCaller("Mallory"), chat.id, null))).code).toBe("NOT_FOUND");
  });
});

describe("the portal's satisfaction summary", () => {
  it("counts ratings per score with the share of good, and shows the latest comments", async () => {
    const before = await summariseSatisfaction();
    const a = await closedTicket();
    const b = await closedTicket();
    await rateTicket(a.owner.contact.id, a.ticket.id, { score: "good", comment: "Great help" });
    await rateTicket(b.owner.contact.id, b.ticket.id, { score: "bad", comment: null });
    const after = await summariseSatisfaction();
    expect(after.total).toBe(before.total + 2);
    expect(after.counts.good).toBe(before.counts.good + 1);
    expect(after.counts.bad).toBe(before.counts.bad + 1);
    expect(after.goodShare).toBeCloseTo(after.counts.good / after.total);
    expect(after.recentComments[0]).toMatchObject({ score: "good", comment: "Great help", ticketNumber: a.ticket.number, chatId: null });
    // Older than the window: not counted.
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect((await summariseSatisfaction(30, later)).total).toBe(0);
  });
});
