import { describe, expect, it, vi } from "vitest";
import { receiveUpload } from "@/lib/desk/attachments/upload";
import { sendVisitorMessage, startChat } from "@/lib/desk/help-center/chat";
import { commentOnMyTicket, submitTicket } from "@/lib/desk/help-center/tickets";
import { db } from "@/lib/shared/db";
import { guestCaller, refusal } from "@/test/integration/callers";
import { controlRefusal, loginWith } from "@/test/integration/test-control";
import { provisionAddon, revokeKey } from "./provision";
import { readChats, readLoginEvents, readTickets } from "./queries";

vi.hoisted(() => {
  process.env.DESK_TEST_CONTROL_TOKEN = "queries-int-test-control-token-0123456789abcdef";
});

const email = () => `${crypto.randomUUID().slice(0, 8)}@example.com`;

async function signedIn(address: string) {
  const { addon, key } = await provisionAddon({ origins: [] });
  const { contact } = await loginWith(addon.id, key, { email: address, name: "Ada" });
  const session = await db.asapSession.findFirstOrThrow({ where: { contactId: contact.id }, select: { id: true } });
  return { addon, key, caller: { kind: "contact" as const, contact, addonId: addon.id, sessionId: session.id } };
}

describe("reading the login log", () => {
  it("shows a success, then a revoked key's refusal, newest first, filtered by outcome and code", async () => {
    const address = email();
    const { addon, key } = await signedIn(address);
    await revokeKey(addon.id, key.kid);
    await refusal(loginWith(addon.id, key, { email: address }));

    const events = await readLoginEvents(addon.id, {});
    expect(events.map((event) => [event.outcome, event.code])).toEqual([
      ["failure", "KEY_REVOKED"],
      ["success", null],
    ]);
    expect(events[1]).toMatchObject({ flow: "new", email: address, count: 1 });
    expect(events[0]?.detail).toContain(key.kid);
    expect(await readLoginEvents(addon.id, { outcome: "success" })).toHaveLength(1);
    expect((await readLoginEvents(addon.id, { code: "KEY_REVOKED" }))[0]?.outcome).toBe("failure");
    expect(await readLoginEvents(addon.id, { code: "TOKEN_EXPIRED" })).toEqual([]);
  });

  it("counts identical failures on one row", async () => {
    const { addon, key } = await provisionAddon({ origins: [] });
    const wrong = { kid: key.kid, secret: "w".repeat(43) };
    for (let i = 0; i < 3; i++) await refusal(loginWith(addon.id, wrong, { email: "same@example.com", jti: "same-jti" }));
    const [event] = await readLoginEvents(addon.id, { outcome: "failure" });
    expect(event).toMatchObject({ code: "SIGNATURE_INVALID", count: 3 });
  });

  it("says ADDON_NOT_FOUND for an unknown add-on", async () => {
    expect((await controlRefusal(readLoginEvents("addon_nobody", {}))).code).toBe("ADDON_NOT_FOUND");
  });
});

describe("reading tickets and chats", () => {
  it("lists a contact's tickets newest first, by email in any case, with who made them", async () => {
    const address = email();
    const { caller } = await signedIn(address);
    await submitTicket(caller, { subject: "First", description: "One", priority: "low" }, null);
    await submitTicket(caller, { subject: "Second", description: "Two", priority: "high" }, null);
    await submitTicket(guestCaller(), { subject: "Guest", description: "Three", priority: "medium", name: "Guest", email: email() }, null);

    const tickets = await readTickets(address.toUpperCase());
    expect(tickets.map((ticket) => [ticket.subject, ticket.priority, ticket.identityVerified])).toEqual([
      ["Second", "high", true],
      ["First", "low", true],
    ]);
    expect(tickets[0]?.contact).toEqual({ email: address, name: "Ada" });
    expect((await readTickets()).length).toBeGreaterThanOrEqual(3);
  });

  it("lists chats by a contact's or a guest's email, with their message counts", async () => {
    const address = email();
    const { caller } = await signedIn(address);
    await startChat(caller, { message: "Hi" });
    const guest = email();
    await startChat(guestCaller(), { name: "Grace", email: guest, message: "Hello" });

    expect(await readChats(address)).toEqual([expect.objectContaining({ identityVerified: true, visitorEmail: address, messageCount: 1, status: "waiting" })]);
    expect(await readChats(guest)).toEqual([expect.objectContaining({ identityVerified: false, visitorName: "Grace", messageCount: 1 })]);
  });

  it("lists the files of a ticket, its comments and a chat's messages, with who sent them", async () => {
    const address = email();
    const { caller } = await signedIn(address);
    const upload = (name: string, text: string) => receiveUpload({ kind: "contact", contactId: caller.contact.id }, name, async () => Buffer.from(text));
    const first = await upload("steps.txt", "1. open the app");
    const { body } = await submitTicket(caller, { subject: "With files", description: "See attached", priority: "low", attachmentIds: [first.id] }, null);
    const later = await upload("app.log", "ERROR 42");
    await commentOnMyTicket(caller.contact.id, (body as { ticket: { id: string } }).ticket.id, { body: "", attachmentIds: [later.id] }, null);
    expect((await readTickets(address))[0]?.attachments).toEqual([
      { name: "steps.txt", contentType: "text/plain", size: 15, uploadedBy: "contact" },
      { name: "app.log", contentType: "text/plain", size: 8, uploadedBy: "contact" },
    ]);

    const guest = guestCaller();
    const guestEmail = email();
    const { chat } = await startChat(guest, { name: "Grace", email: guestEmail, message: "Hello" });
    const shot = await receiveUpload({ kind: "guest", clientIp: guest.clientIp }, "notes", async () => Buffer.from("what I saw"));
    await sendVisitorMessage(guest, chat.id, { body: "", attachmentIds: [shot.id] });
    expect((await readChats(guestEmail))[0]).toMatchObject({ messageCount: 2, attachments: [{ name: "notes.txt", contentType: "text/plain", size: 10, uploadedBy: "guest" }] });
  });
});
