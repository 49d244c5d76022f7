import "server-only";
import type { ChatMessage, MessageInput, NewChat } from "@/lib/contract/desk-api/chat";
import type { Jsonable } from "@/lib/contract/json";
import type { Caller } from "@/lib/desk/api/caller";
import { attachUploads, type FilesOptional } from "@/lib/desk/attachments/attach";
import { attachmentsOf, toAttachment, type AttachmentRow } from "@/lib/desk/attachments/view";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { spendGuestChatMessage, spendGuestSubmission } from "./guest-limits";
import { hashGuestToken, newGuestToken } from "./guest-tokens";

/**
 * Live chat with an agent (DESIGN §4): anyone may chat. A signed-in contact's chats belong to the
 * contact and stay in their history; an anonymous visitor holds a random token for their chat. A chat
 * someone else owns is NOT_FOUND.
 */
/** A guest's chat token as stored: its SHA-256 (attachments check it too). */
export const hashVisitorToken = hashGuestToken;
const notFound = () => new AsapError("NOT_FOUND", "There is no such chat.", "Start a new chat.");

const messageView = { id: true, body: true, createdAt: true, kind: true, agent: { select: { name: true } }, attachments: attachmentsOf } as const;
type MessageRow = { id: string; body: string; createdAt: Date; kind: string; agent: { name: string } | null; attachments: AttachmentRow[] };
const speaker = (m: MessageRow): ChatMessage["from"] => (m.kind === "notice" ? { kind: "system" } : m.agent ? { kind: "agent", name: m.agent.name } : { kind: "visitor" });
const toMessage = (m: MessageRow) =>
  ({
    id: m.id,
    body: m.body,
    createdAt: m.createdAt,
    from: speaker(m),
    attachments: m.attachments.map(toAttachment),
  }) satisfies Jsonable<ChatMessage>;

export async function startChat(caller: Caller, input: NewChat) {
  if (caller.kind === "anonymous") await spendGuestSubmission(caller.clientIp, input.email);
  const visitorToken = caller.kind === "anonymous" ? newGuestToken() : null;
  const chat = await db.chatSession.create({
    data:
      caller.kind === "contact"
        ? { contactId: caller.contact.id, visitorName: caller.contact.name, visitorEmail: caller.contact.email, identityVerified: true }
        : { visitorName: input.name ?? "Guest", visitorEmail: input.email ?? null, visitorTokenHash: hashVisitorToken(visitorToken ?? "") },
    select: { id: true, status: true, createdAt: true },
  });
  await db.chatMessage.create({ data: { sessionId: chat.id, body: input.message } });
  return { chat, ...(visitorToken ? { visitorToken } : {}) };
}

/** The chat this caller may use, or NOT_FOUND. Anonymous callers prove it with X-Chat-Token. */
export async function findOwnChat(caller: Caller, chatId: string, visitorToken: string | null) {
  const chat = await db.chatSession.findUnique({ where: { id: chatId }, select: { id: true, status: true, contactId: true, visitorTokenHash: true } });
  if (!chat) throw notFound();
  const mine =
    caller.kind === "contact" ? chat.contactId === caller.contact.id : visitorToken !== null && chat.visitorTokenHash === hashVisitorToken(visitorToken);
  if (!mine) throw notFound();
  return { id: chat.id, status: chat.status };
}

/** Whether a guest's token still opens the chat: false once the chat was linked to an account. */
export async function guestStillHolds(chatId: string, visitorToken: string) {
  return (await db.chatSession.count({ where: { id: chatId, visitorTokenHash: hashVisitorToken(visitorToken) } })) === 1;
}

/** The visitor's next message, with the files they uploaded for it (a guest's by their ids). */
export async function sendVisitorMessage(caller: Caller, chatId: string, input: FilesOptional<MessageInput>) {
  if (caller.kind === "anonymous") await spendGuestChatMessage(caller.clientIp);
  const chat = await db.chatSession.findUniqueOrThrow({ where: { id: chatId }, select: { status: true } });
  if (chat.status === "ended") throw new AsapError("CONFLICT", "This chat has ended.", "Start a new chat.");
  const sender = caller.kind === "contact" ? ({ kind: "contact", contactId: caller.contact.id } as const) : ({ kind: "guest" } as const);
  return transaction(async (tx) => {
    const message = await tx.chatMessage.create({ data: { sessionId: chatId, body: input.body }, select: { id: true } });
    await attachUploads(tx, sender, input.attachmentIds, { chatMessageId: message.id });
    return toMessage(await tx.chatMessage.findUniqueOrThrow({ where: { id: message.id }, select: messageView }));
  });
}

/** Messages after a given one (by its id), oldest first; all of them without `afterId`. */
export async function messagesAfter(chatId: string, afterId: string | null) {
  const after = afterId ? await db.chatMessage.findFirst({ where: { id: afterId, sessionId: chatId }, select: { createdAt: true, id: true } }) : null;
  const rows = await db.chatMessage.findMany({
    where: {
      sessionId: chatId,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: messageView,
  });
  return rows.map(toMessage);
}

/** The chat, if an agent has ended it: the stream's last word to the visitor. */
export async function endedChat(chatId: string) {
  const chat = await db.chatSession.findUnique({ where: { id: chatId }, select: { id: true, status: true, createdAt: true } });
  return chat?.status === "ended" ? chat : null;
}

/** A signed-in contact's chat history. */
export async function listMyChats(contactId: string) {
  const chats = await db.chatSession.findMany({
    where: { contactId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, status: true, createdAt: true, messages: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true } } },
  });
  return chats.map(({ messages, ...chat }) => ({ ...chat, lastMessage: messages[0]?.body ?? null }));
}
