import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { contactSession } from "../support/desk";
import { e2eDatabase } from "../support/database";

// Chat (DESIGN §4): anyone may chat; a guest's chat is theirs by token, a contact's by session, and
// agent replies arrive live over Server-Sent Events.
const API = "/desk/api/asap/v1/chat/sessions";
const SITE = new URL(baseURL).origin;
type Started = { chat: { id: string; status: string }; visitorToken?: string };
type Message = { id: string; body: string; from: { kind: string; name?: string } };

/** Reads SSE `message` events from a real streaming response until `count` arrived. */
async function readEvents(url: string, headers: Record<string, string>, count: number, onOpen: () => Promise<void>) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ id: string; data: Message }> = [];
  let buffer = "";
  await onOpen();
  const deadline = Date.now() + 10_000;
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!block.includes("event: message")) continue;
      const id = /^id: (.+)$/m.exec(block)?.[1] ?? "";
      events.push({ id, data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null") as Message });
    }
  }
  abort.abort();
  return events;
}

test.describe("chat", () => {
  test("a guest starts a chat, keeps it by token, and nobody else can read it", async ({ request }) => {
    const started = await request.post(API, { data: { name: "Guest", message: "Is anyone there?" } });
    expect(started.status()).toBe(201);
    const { chat, visitorToken } = (await started.json()) as Started;
    expect(visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mine = { "x-chat-token": visitorToken ?? "" };

    expect((await request.post(`${API}/${chat.id}/messages`, { data: { body: "Hello?" }, headers: mine })).status()).toBe(201);
    const { messages } = (await (await request.get(`${API}/${chat.id}/messages`, { headers: mine })).json()) as { messages: Message[] };
    expect(messages.map((m) => m.body)).toEqual(["Is anyone there?", "Hello?"]);

    // Without its X-Chat-Token the chat is 404; other tokens and other callers: chat.int.test.ts.
    expect((await request.get(`${API}/${chat.id}/messages`)).status()).toBe(404);
    expect((await request.post(API, { data: { message: "no name" } })).status()).toBe(400);
    expect((await request.post(API, { data: { name: "G", message: "m".repeat(4001) } })).status()).toBe(400);
  });

  test("agent replies reach the visitor live over SSE, and a reconnect resumes after the last event", async ({ request }) => {
    const { chat, visitorToken } = (await (await request.post(API, { data: { name: "Live", message: "Help with DNS" } })).json()) as Started;
    const headers = { "x-chat-token": visitorToken ?? "" };
    const agent = await e2eDatabase().agent.findUniqueOrThrow({ where: { email: "sam@desk.example.com" } });

    const events = await readEvents(`${baseURL}${API}/${chat.id}/events`, headers, 2, async () => {
      await e2eDatabase().chatMessage.create({ data: { sessionId: chat.id, agentId: agent.id, body: "Hi, Sam here. Which domain?" } });
    });
    expect(events.map((e) => e.data.body)).toEqual(["Help with DNS", "Hi, Sam here. Which domain?"]);
    expect(events[1]?.data.from).toEqual({ kind: "agent", name: "Sam Rivera" });

    const resumed = await readEvents(`${baseURL}${API}/${chat.id}/events`, { ...headers, "last-event-id": events[1]?.id ?? "" }, 1, async () => {
      await request.post(`${API}/${chat.id}/messages`, { data: { body: "shop.example.com" }, headers });
    });
    expect(resumed.map((e) => e.data.body)).toEqual(["shop.example.com"]);
  });

  test("a signed-in contact's chats are kept in their history", async ({ request }) => {
    const me = await contactSession(request, SITE);
    const { chat, visitorToken } = (await (await request.post(API, { data: { message: "About my invoice" }, headers: me.headers })).json()) as Started;
    expect(visitorToken).toBeUndefined();
    const { chats } = (await (await request.get(API, { headers: me.headers })).json()) as { chats: Array<{ id: string; lastMessage: string }> };
    expect(chats).toEqual([expect.objectContaining({ id: chat.id, lastMessage: "About my invoice" })]);
    expect((await request.get(API)).status()).toBe(401);
  });
});
