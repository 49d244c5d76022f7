import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { startChat } from "./chat";
import { chatEventStream } from "./chat-stream";

// On PostgreSQL a stream sleeps until the database announces something (a heartbeat apart): the end
// of its chat must be announced too (prisma/migrations-pg: ChatSession_notify_ended).
const guest = { kind: "anonymous", clientIp: "198.51.100.91" } as const;

describe("chat event streams on PostgreSQL", () => {
  it("hear their chat end at once, not at the next heartbeat", async () => {
    const { chat } = await startChat(guest, { name: "Guest", message: "Thanks, that was all" });
    const reader = chatEventStream(guest, chat.id, null, new AbortController().signal).getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: message")) text += decoder.decode((await reader.read()).value, { stream: true });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the listener is up, and the stream asleep
    const ended = Date.now();
    await db.chatSession.update({ where: { id: chat.id }, data: { status: "ended", endedAt: new Date() } });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    expect(text).toContain("event: ended");
    expect(Date.now() - ended).toBeLessThan(3_000);
  });
});
