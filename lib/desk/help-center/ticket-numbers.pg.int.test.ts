import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/desk/api/caller";
import { db } from "@/lib/shared/db";
import { anotherAppInstance } from "@/test/integration/app-instance";
import { fulfilled } from "@/test/integration/race";
import { syncTicketNumbers } from "./ticket-numbers";
import { submitTicket } from "./tickets";

// Two app instances, each with its own client and pool, creating tickets in one database at once.
const second = await anotherAppInstance(async () => ({ ...(await import("./tickets")), ...(await import("@/lib/shared/db")) }));
afterAll(() => Promise.all([db.$disconnect(), second.db.$disconnect()]));

let caller: Caller & { kind: "contact" };
beforeAll(async () => {
  const addon = await db.asapAddon.create({ data: { id: "addon_numbers", name: "Numbers" } });
  const contact = await db.contact.create({ data: { email: "ada@example.com", name: "Ada" }, select: { id: true, email: true, name: true } });
  caller = { kind: "contact", contact, addonId: addon.id, sessionId: "not-checked-here" };
});

const ticket = (subject: string) => ({ subject, description: "Numbered in a crowd.", priority: "medium" as const });
const numberOf = (response: { body: unknown }) => (response.body as { ticket: { number: number } }).ticket.number;

describe("ticket numbers on PostgreSQL", () => {
  it("gives 50 tickets created at once on two instances 50 distinct numbers from the sequence, with no failure", async () => {
    const created = fulfilled(
      await Promise.allSettled(Array.from({ length: 50 }, (_, i) => (i % 2 ? second.submitTicket : submitTicket)(caller, ticket(`Crowd ${i}`), null))),
    );
    const numbers = created.map(numberOf).sort((a, b) => a - b);
    // A fresh database's sequence starts at 1001; no creation retried or rolled back, so no gaps either.
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => 1001 + i));
    expect(await db.ticket.count()).toBe(50);
  });

  it("continues after the highest number once tickets were written with their own numbers (the seed)", async () => {
    await db.ticket.create({ data: { number: 7000, subject: "Seeded", description: "From the seed.", contactId: caller.contact.id } });
    await syncTicketNumbers(db, "postgres");
    expect(numberOf(await second.submitTicket(caller, ticket("After the seed"), null))).toBe(7001);
  });
});
