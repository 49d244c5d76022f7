import { z } from "zod";
import type { ChatStatus } from "@/lib/contract/vocabulary";
import type { IsoDateTime } from "./common";

/**
 * Live chat: `chat/sessions` (start one; a signed-in contact's history), `chat/sessions/{id}/messages`,
 * and `chat/sessions/{id}/events`, a Server-Sent Events stream of MESSAGE_EVENT events resumable with
 * LAST_EVENT_ID_HEADER. A guest's chat is theirs by the visitorToken, sent back in CHAT_TOKEN_HEADER
 * (names: ./wire).
 */

const message = z
  .string({ error: "message is required" })
  .trim()
  .min(1, { error: "message is required" })
  .max(4000, { error: "message may be at most 4000 characters" });

/** Guests give a name (and may give an email); a signed-in contact's come from the session. */
export const startChatBody = z.strictObject({
  name: z.string().trim().min(1, { error: "name is required" }).max(100, { error: "name may be at most 100 characters" }).optional(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })).optional(),
  message,
});
export type NewChat = z.infer<typeof startChatBody>;

export const messageBody = z.strictObject({ body: message });

export type ChatMessage = { id: string; body: string; createdAt: IsoDateTime; from: { kind: "agent"; name: string } | { kind: "visitor" } };

export type Chat = { id: string; status: ChatStatus; createdAt: IsoDateTime };

/** visitorToken: for guests only, and only in this answer. */
export type NewChatAnswer = { chat: Chat; visitorToken?: string };
export type ChatListAnswer = { chats: Array<Chat & { lastMessage: string | null }> };
export type MessagesAnswer = { messages: ChatMessage[] };
export type NewMessageAnswer = { message: ChatMessage };
