import { z } from "zod";
import { CHAT_STATUSES } from "@/lib/contract/vocabulary";
import { attachment, attachmentIds } from "./attachments";
import { hasTextOrFiles, isoDateTime, textBesideFiles } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * Live chat: `chat/sessions` (start one; a signed-in contact's history), `chat/sessions/{id}/messages`,
 * and `chat/sessions/{id}/events`, a Server-Sent Events stream of MESSAGE_EVENT events resumable with
 * LAST_EVENT_ID_HEADER, closed by one ENDED_EVENT once the chat has ended. A guest's chat is theirs by the visitorToken, sent back in CHAT_TOKEN_HEADER
 * (names: ./wire).
 */

const message = z
  .string({ error: "message is required" })
  .trim()
  .min(1, { error: "message is required" })
  .max(4000, { error: "message may be at most 4000 characters" });

/** Guests give a name (and may give an email); a signed-in contact's come from the session. */
export const startChatBody = z
  .strictObject({
    name: z.string().trim().min(1, { error: "name is required" }).max(100, { error: "name may be at most 100 characters" }).optional(),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })).optional(),
    message,
  })
  .register(requestShapes, { id: "NewChat" });
export type NewChat = z.infer<typeof startChatBody>;

/** `after`: the message id to resume after, for a client that cannot send LAST_EVENT_ID_HEADER (the header wins). */
export const chatEventsQuery = z.object({ after: z.string().optional() });

/** A message's words, its files (uploaded first: ./attachments), or both. */
export const messageBody = z
  .strictObject({ body: textBesideFiles("message", 4000), attachmentIds })
  .refine(hasTextOrFiles, { error: "message is required (or attach a file)", path: ["body"] })
  .register(requestShapes, { id: "MessageBody" });
export type MessageInput = z.infer<typeof messageBody>;

/** The data of each MESSAGE_EVENT on the events stream too, with the message's id as the event's id. */
export const chatMessage = z
  .strictObject({
    id: z.string(),
    body: z.string(),
    createdAt: isoDateTime,
    // system: the Desk's own notice of a change in the chat (e.g. the guest signed in), nobody's words.
    from: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("agent"), name: z.string() }),
      z.strictObject({ kind: z.literal("visitor") }),
      z.strictObject({ kind: z.literal("system") }),
    ]),
    attachments: z.array(attachment),
  })
  .register(answerShapes, { id: "ChatMessage" });
export type ChatMessage = z.infer<typeof chatMessage>;

export const chat = z.strictObject({ id: z.string(), status: z.enum(CHAT_STATUSES), createdAt: isoDateTime }).register(answerShapes, { id: "Chat" });
export type Chat = z.infer<typeof chat>;

/** visitorToken: for guests only, and only in this answer. */
export const newChatAnswer = z.strictObject({ chat, visitorToken: z.string().optional() }).register(answerShapes, { id: "NewChatAnswer" });
export type NewChatAnswer = z.infer<typeof newChatAnswer>;

export const chatListAnswer = z
  .strictObject({ chats: z.array(chat.extend({ lastMessage: z.string().nullable() })) })
  .register(answerShapes, { id: "ChatListAnswer" });
export type ChatListAnswer = z.infer<typeof chatListAnswer>;

export const messagesAnswer = z.strictObject({ messages: z.array(chatMessage) }).register(answerShapes, { id: "MessagesAnswer" });
export type MessagesAnswer = z.infer<typeof messagesAnswer>;

export const newMessageAnswer = z.strictObject({ message: chatMessage }).register(answerShapes, { id: "NewMessageAnswer" });
export type NewMessageAnswer = z.infer<typeof newMessageAnswer>;
