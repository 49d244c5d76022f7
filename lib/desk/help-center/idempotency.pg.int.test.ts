import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/desk/api/caller";
import { db } from "@/lib/shared/db";
import { anotherAppInstance } from "@/test/integration/app-instance";
import { fulfilled, raceOn } from "@/test/integration/race";
import { submitTicket } from "./tickets";

// A client's retry can reach another app instance while the first request is still running there.
const second = await anotherAppInstance(async () => ({ ...(await import("./tickets")), ...(await import("@/lib/shared/db")) }));
afterAll(() => Promise.all([db.$disconnect(), second.db.$disconnect()]));

let caller: Caller & { kind: "contact" };
beforeAll(async () => {
  const addon = await db.asapAddon.create({ data: { id: "addon_retries", name: "Retries" } });
  const contact = await db.contact.create({ data: { email: "grace@example.com", name: "Grace" }, select: { id: true, email: true, name: true } });
  caller = { kind: "contact", contact, addonId: addon.id, sessionId: "not-checked-here" };
});

const ticket = (subject: string) => ({ subject, description: "Sent twice.", priority: "high" as const });
/** What the client receives: a replay comes from stored JSON, so dates arrive as the same strings. */
const asSent = (body: unknown) => JSON.parse(JSON.stringify(body)) as unknown;

describe("Idempotency-Key across instances on PostgreSQL", () => {
  it("creates one ticket when two instances race with one key: the second waits, then replays the first's answer", async () => {
    const [a, b] = fulfilled(
      await raceOn("IdempotencyRecord", [() => submitTicket(caller, ticket("Racing retry"), "key-race"), () => second.submitTicket(caller, ticket("Racing retry"), "key-race")]),
    );
    expect([a!.replayed, b!.replayed].sort()).toEqual([false, true]);
    expect(a!.status).toBe(201);
    expect(asSent(b!.body)).toEqual(asSent(a!.body));
    expect(await db.ticket.count({ where: { subject: "Racing retry" } })).toBe(1);
  });

  it("refuses the loser of a race between one key and two different bodies (422), and creates one ticket", async () => {
    const results = await raceOn("IdempotencyRecord", [
      () => submitTicket(caller, ticket("First body"), "key-reused"),
      () => second.submitTicket(caller, ticket("Second body"), "key-reused"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ name: "AsapError", code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.ticket.count({ where: { subject: { in: ["First body", "Second body"] } } })).toBe(1);
  });

  it("replays a finished request on the other instance long after, from the stored record", async () => {
    const first = await submitTicket(caller, ticket("Retried later"), "key-later");
    const retry = await second.submitTicket(caller, ticket("Retried later"), "key-later");
    expect({ ...retry, body: asSent(retry.body) }).toEqual({ status: 201, body: asSent(first.body), replayed: true });
  });
});
