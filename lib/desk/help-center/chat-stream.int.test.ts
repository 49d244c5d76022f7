import { describe, expect, it } from "vitest";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { startChat } from "./chat";
import { chatEventStream, MAX_STREAMS_PER_CHAT } from "./chat-stream";

const guest = { kind: "anonymous", clientIp: "198.51.100.90" } as const;

describe("chat event streams", () => {
  it("lets one chat hold a few streams on an instance, and frees a place when one closes", async () => {
    const { chat } = await startChat(guest, { name: "Guest", message: "Hello" });
    const aborts = Array.from({ length: MAX_STREAMS_PER_CHAT }, () => new AbortController());
    const streams = aborts.map((abort) => chatEventStream(guest, chat.id, null, abort.signal));

    let refused: unknown;
    try {
      chatEventStream(guest, chat.id, null, new AbortController().signal);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AsapError);
    expect((refused as AsapError).code).toBe("RATE_LIMITED");
    expect((refused as AsapError).retryAfterSeconds).toBeGreaterThan(0);

    await streams[0]?.cancel();
    const another = chatEventStream(guest, chat.id, null, new AbortController().signal);
    await Promise.all([another, ...streams.slice(1)].map((stream) => stream.cancel()));
  });

  it("sends the chat's messages, then one ended event once it has ended, and closes", async () => {
    const { chat } = await startChat(guest, { name: "Guest", message: "Thanks, bye" });
    await db.chatSession.update({ where: { id: chat.id }, data: { status: "ended", endedAt: new Date() } });
    const text = await new Response(chatEventStream(guest, chat.id, null, new AbortController().signal)).text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events).toEqual(["message", "ended"]);
    expect(JSON.parse(/event: ended\ndata: (.+)/.exec(text)?.[1] ?? "null")).toMatchObject({ id: chat.id, status: "ended" });
  });

  it("ends a guest's stream once their token stops opening the chat (it was linked to an account)", async () => {
    const { chat, visitorToken } = await startChat(guest, { name: "Guest", message: "Signing in now" });
    const stream = chatEventStream(guest, chat.id, null, new AbortController().signal, visitorToken ?? null);
    await db.chatSession.update({ where: { id: chat.id }, data: { visitorTokenHash: null } });
    const text = await new Response(stream).text(); // closes rather than waiting out its five minutes
    expect([...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1])).not.toContain("ended");
  });
});
