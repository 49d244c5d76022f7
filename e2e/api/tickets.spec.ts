import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { contactSession } from "../support/desk";
import { e2eDatabase } from "../support/database";

// The ticket routes over real HTTP: status codes, headers and validation. The permission matrix,
// private notes and Idempotency-Key's rules are tested below HTTP, in lib/desk/help-center/tickets.int.test.ts.
const API = "/desk/api/asap/v1/tickets";
const SITE = new URL(baseURL).origin;
type Ticket = { id: string; number: number; subject: string; status: string; priority: string; closedAt: string | null };

async function code(response: import("@playwright/test").APIResponse) {
  return { status: response.status(), code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

async function ownerWithTicket(request: APIRequestContext) {
  const owner = await contactSession(request, SITE);
  const created = await request.post(API, { data: { subject: "Deploy stuck", description: "Stuck at 90%" }, headers: owner.headers });
  expect(created.status()).toBe(201);
  return { owner, ticket: ((await created.json()) as { ticket: Ticket }).ticket };
}

test.describe("tickets: who may do what", () => {
  test("anonymous visitors submit with name and email, and can do nothing else", async ({ request }) => {
    const email = `anon-${randomUUID().slice(0, 8)}@example.com`;
    const created = await request.post(API, { data: { name: "Guest", email, subject: "Question", description: "How do I start?" } });
    expect(created.status()).toBe(201);
    const { ticket } = (await created.json()) as { ticket: Ticket };
    expect(ticket).toMatchObject({ subject: "Question", status: "open", priority: "medium" });
    expect((await e2eDatabase().contact.findUniqueOrThrow({ where: { email } })).name).toBe("Guest");

    expect(await code(await request.post(API, { data: { subject: "No identity", description: "x" } }))).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    expect(await code(await request.get(API))).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(await code(await request.get(`${API}/${ticket.number}`))).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(await code(await request.patch(`${API}/${ticket.id}`, { data: { status: "closed" } }))).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(await code(await request.post(`${API}/${ticket.id}/comments`, { data: { body: "hi" } }))).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  });

  test("the owner lists, reads, comments on and edits their ticket", async ({ request }) => {
    const { owner, ticket } = await ownerWithTicket(request);
    const list = (await (await request.get(API, { headers: owner.headers })).json()) as { tickets: Ticket[]; total: number };
    expect(list.tickets.map((t) => t.id)).toEqual([ticket.id]);

    expect((await request.post(`${API}/${ticket.number}/comments`, { data: { body: "Any news?" }, headers: owner.headers })).status()).toBe(201);
    const edited = await request.patch(`${API}/${ticket.id}`, { data: { subject: "Deploy stuck at 90%", priority: "high" }, headers: owner.headers });
    expect(((await edited.json()) as { ticket: Ticket }).ticket).toMatchObject({ subject: "Deploy stuck at 90%", priority: "high" });

    const { ticket: read } = (await (await request.get(`${API}/${ticket.number}`, { headers: owner.headers })).json()) as {
      ticket: Ticket & { comments: Array<{ body: string; author: { kind: string } }> };
    };
    expect(read.comments.map((c) => c.body)).toEqual(["Any news?"]);
    expect((await request.get(`${API}?status=closed`, { headers: owner.headers }).then((r) => r.json())) as { total: number }).toMatchObject({ total: 0 });
  });

  test("another contact gets 404 for someone else's ticket on every route", async ({ request }) => {
    const { ticket } = await ownerWithTicket(request);
    const intruder = await contactSession(request, SITE);
    // One call per route, for the status; by id, by number and for every use: tickets.int.test.ts.
    const key = String(ticket.number);
    expect(await code(await request.get(`${API}/${key}`, { headers: intruder.headers }))).toEqual({ status: 404, code: "NOT_FOUND" });
    expect(await code(await request.patch(`${API}/${key}`, { data: { status: "closed" }, headers: intruder.headers }))).toEqual({ status: 404, code: "NOT_FOUND" });
    expect(await code(await request.post(`${API}/${key}/comments`, { data: { body: "mine now" }, headers: intruder.headers }))).toEqual({ status: 404, code: "NOT_FOUND" });
    expect(await code(await request.get(`${API}/${key}/comments`, { headers: intruder.headers }))).toEqual({ status: 404, code: "NOT_FOUND" });
  });
});

test.describe("tickets: nothing lost, nothing doubled", () => {
  test("a retry with the same Idempotency-Key returns the original ticket; another body is refused", async ({ request }) => {
    const owner = await contactSession(request, SITE);
    const key = randomUUID();
    const send = (subject: string) => request.post(API, { data: { subject, description: "Once" }, headers: { ...owner.headers, "idempotency-key": key } });
    const first = (await (await send("Only once")).json()) as { ticket: Ticket };
    const retry = await send("Only once");
    expect(retry.status()).toBe(201);
    expect(((await retry.json()) as { ticket: Ticket }).ticket.number).toBe(first.ticket.number);
    expect(await code(await send("Something else"))).toEqual({ status: 422, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await e2eDatabase().ticket.count({ where: { contactId: owner.contact.id } })).toBe(1);
  });

  test("without a key, concurrent submissions still get distinct numbers", async ({ request }) => {
    const owner = await contactSession(request, SITE);
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => request.post(API, { data: { subject: `Parallel ${i}`, description: "x" }, headers: owner.headers })));
    const numbers = await Promise.all(created.map(async (r) => ((await r.json()) as { ticket: Ticket }).ticket.number));
    expect(new Set(numbers).size).toBe(5);
  });
});

// Each field's rule is checked on the schema (lib/contract/desk-api/schemas.test.ts); here, that a
// refusal reaches the client over HTTP as VALIDATION_FAILED with the rule's message, and nothing is made.
test.describe("tickets: invalid input is refused over HTTP, not cut", () => {
  test("refuses a long subject, a status agents own and a bad key with VALIDATION_FAILED", async ({ request }) => {
    const { owner, ticket } = await ownerWithTicket(request);
    const long = await request.post(API, { data: { subject: "s".repeat(201), description: "d" }, headers: owner.headers });
    expect(await code(long)).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    const list = (await (await request.get(API, { headers: owner.headers })).json()) as { tickets: unknown[] };
    expect(list.tickets).toHaveLength(1);
    expect((await request.patch(`${API}/${ticket.id}`, { data: { status: "on_hold" }, headers: owner.headers })).status()).toBe(400);
    const badKey = await request.post(API, { data: { subject: "s", description: "d" }, headers: { ...owner.headers, "idempotency-key": "bad key with spaces" } });
    expect(await code(badKey)).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  });
});
