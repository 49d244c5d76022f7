import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { contactCaller, guestCaller, newAgent, refusal } from "@/test/integration/callers";
import { findOwnChat, listMyChats, messagesAfter, sendVisitorMessage, startChat } from "./chat";

// DESIGN §4's chat cells on a real database: a guest's chat is theirs by token, a contact's by
// session, and anyone else's is NOT_FOUND, exactly like a chat that does not exist.

describe("chat: whose chat it is", () => {
  it("a guest keeps their chat by its token, unverified, and reads its messages", async () => {
    const guest = guestCaller();
    const { chat, visitorToken } = await startChat(guest, { name: "Guest", message: "Is anyone there?" });
    expect(visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await findOwnChat(guest, chat.id, visitorToken ?? null)).toEqual({ id: chat.id, status: "waiting" });
    await sendVisitorMessage(guest, chat.id, { body: "Hello?" });
    expect((await messagesAfter(chat.id, null)).map((m) => m.body)).toEqual(["Is anyone there?", "Hello?"]);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.id } })).identityVerified).toBe(false);
  });

  it("a guest's chat is NOT_FOUND without its token, with another token, from another address, and for any contact", async () => {
    const { chat, visitorToken } = await startChat(guestCaller(), { name: "Guest", message: "Private question" });
    expect((await refusal(findOwnChat(guestCaller(), chat.id, null))).code).toBe("NOT_FOUND");
    expect((await refusal(findOwnChat(guestCaller(), chat.id, "x".repeat(43)))).code).toBe("NOT_FOUND");
    // The token proves ownership even from another address (the visitor's network may change).
    expect((await findOwnChat(guestCaller(), chat.id, visitorToken ?? null)).id).toBe(chat.id);
    // A contact never owns a guest's chat, even holding its token.
    expect((await refusal(findOwnChat(await contactCaller(), chat.id, visitorToken ?? null))).code).toBe("NOT_FOUND");
  });

  it("a contact's chat is theirs alone, verified, kept in their history and in no one else's", async () => {
    const me = await contactCaller("Ada");
    const started = await startChat(me, { message: "About my invoice" });
    expect(started.visitorToken).toBeUndefined();
    expect((await findOwnChat(me, started.chat.id, null)).id).toBe(started.chat.id);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: started.chat.id }, select: { identityVerified: true, visitorName: true } })).toEqual({
      identityVerified: true,
      visitorName: "Ada",
    });
    expect(await listMyChats(me.contact.id)).toEqual([expect.objectContaining({ id: started.chat.id, lastMessage: "About my invoice" })]);

    const other = await contactCaller("Mallory");
    expect((await refusal(findOwnChat(other, started.chat.id, null))).code).toBe("NOT_FOUND");
    expect((await refusal(findOwnChat(guestCaller(), started.chat.id, null))).code).toBe("NOT_FOUND");
    expect(await listMyChats(other.contact.id)).toEqual([]);
  });

  it("an unknown chat is the same NOT_FOUND", async () => {
    expect((await refusal(findOwnChat(await contactCaller(), "no-such-chat", null))).code).toBe("NOT_FOUND");
  });
});

describe("chat: messages", () => {
  it("an agent's reply carries their name; a reader resumes after the last message seen", async () => {
    const me = await contactCaller();
    const { chat } = await startChat(me, { message: "Help with DNS" });
    const [first] = await messagesAfter(chat.id, null);
    const agent = await newAgent("Sam Rivera");
    await db.chatMessage.create({ data: { sessionId: chat.id, agentId: agent.id, body: "Which domain?" } });
    const after = await messagesAfter(chat.id, first?.id ?? null);
    expect(after.map((m) => ({ body: m.body, from: m.from }))).toEqual([{ body: "Which domain?", from: { kind: "agent", name: "Sam Rivera" } }]);
  });

  it("a message to an ended chat is a CONFLICT and is not kept", async () => {
    const me = await contactCaller();
    const { chat } = await startChat(me, { message: "Bye" });
    await db.chatSession.update({ where: { id: chat.id }, data: { status: "ended", endedAt: new Date() } });
    expect((await refusal(sendVisitorMessage(me, chat.id, { body: "One more thing" }))).code).toBe("CONFLICT");
    expect(await db.chatMessage.count({ where: { sessionId: chat.id } })).toBe(1);
  });
});
