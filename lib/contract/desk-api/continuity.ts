import { z } from "zod";
import { answerShapes, requestShapes } from "./registry";

/**
 * Guest to signed-in without losing the conversation (docs/design.md, "Guest continuity"):
 * `continuity` takes what a browser holds from its guest visit (a chat's visitorToken, tickets'
 * guestTokens) and links each to the signed-in contact when the guest's email was theirs;
 * `continuity/link` links one the person confirmed. Each item is answered on its own, and an item
 * that cannot be linked says only "gone": never whether its token, its id or its state was why.
 */

/** 32 random bytes, base64url: the form of every guest token the Desk hands out. */
export const guestToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "token must be a guest token (43 base64url characters)" });
const itemId = z.string().min(1).max(64);

/** At most this many of each a browser may present at once (the widget keeps one chat and 20 receipts). */
export const MAX_CHAT_PROOFS = 5;
export const MAX_TICKET_PROOFS = 20;

const distinct = (ids: string[]) => new Set(ids).size === ids.length;

export const continuityBody = z
  .strictObject({
    chats: z
      .array(z.strictObject({ chatId: itemId, token: guestToken }))
      .max(MAX_CHAT_PROOFS, { error: `at most ${MAX_CHAT_PROOFS} chats at once` })
      .refine((chats) => distinct(chats.map((c) => c.chatId)), { error: "a chat is named twice" })
      .default([]),
    tickets: z
      .array(z.strictObject({ ticketId: itemId, token: guestToken }))
      .max(MAX_TICKET_PROOFS, { error: `at most ${MAX_TICKET_PROOFS} tickets at once` })
      .refine((tickets) => distinct(tickets.map((t) => t.ticketId)), { error: "a ticket is named twice" })
      .default([]),
  })
  .register(requestShapes, { id: "ContinuityRequest" });
export type ContinuityRequest = z.infer<typeof continuityBody>;

/** What the guest typed, shown only to the browser that proved it holds the guest's token. */
export const guestIdentity = z.strictObject({ name: z.string().nullable(), email: z.string().nullable() }).register(answerShapes, { id: "GuestIdentity" });
export type GuestIdentity = z.infer<typeof guestIdentity>;

const ticketSummary = { number: z.int().min(1), subject: z.string() };

export const chatContinuity = z
  .discriminatedUnion("outcome", [
    z.strictObject({ chatId: z.string(), outcome: z.literal("linked") }),
    z.strictObject({ chatId: z.string(), outcome: z.literal("needs_confirmation"), guest: guestIdentity }),
    z.strictObject({ chatId: z.string(), outcome: z.literal("gone") }),
  ])
  .register(answerShapes, { id: "ChatContinuity" });
export type ChatContinuity = z.infer<typeof chatContinuity>;

export const ticketContinuity = z
  .discriminatedUnion("outcome", [
    z.strictObject({ ticketId: z.string(), outcome: z.literal("linked"), ...ticketSummary }),
    z.strictObject({ ticketId: z.string(), outcome: z.literal("needs_confirmation"), guest: guestIdentity, ...ticketSummary }),
    z.strictObject({ ticketId: z.string(), outcome: z.literal("gone") }),
  ])
  .register(answerShapes, { id: "TicketContinuity" });
export type TicketContinuity = z.infer<typeof ticketContinuity>;

/** One answer per item sent, in the order sent. */
export const continuityAnswer = z
  .strictObject({ chats: z.array(chatContinuity), tickets: z.array(ticketContinuity) })
  .register(answerShapes, { id: "ContinuityAnswer" });
export type ContinuityAnswer = z.infer<typeof continuityAnswer>;

/** `confirm`: the person was shown what the guest typed and chose to link it anyway. */
export const linkGuestBody = z
  .strictObject({
    kind: z.enum(["chat", "ticket"], { error: "kind must be chat or ticket" }),
    id: itemId,
    token: guestToken,
    confirm: z.literal(true, { error: "confirm must be true: link only what the person agreed to" }),
  })
  .register(requestShapes, { id: "LinkGuestRequest" });
export type LinkGuestRequest = z.infer<typeof linkGuestBody>;

export const linkGuestAnswer = z
  .strictObject({ kind: z.enum(["chat", "ticket"]), id: z.string(), outcome: z.literal("linked") })
  .register(answerShapes, { id: "LinkGuestAnswer" });
export type LinkGuestAnswer = z.infer<typeof linkGuestAnswer>;
