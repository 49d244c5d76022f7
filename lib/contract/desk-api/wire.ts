/**
 * The Desk API's own header and event names. Kept apart from the schemas so that the widget's
 * bundle can import them without zod.
 */

/** Makes a create safe to retry: the same key answers with the first request's result (tickets, comments). */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/** A guest's proof that a chat is theirs: the `visitorToken` from the answer that started it. */
export const CHAT_TOKEN_HEADER = "X-Chat-Token";

/** The chat stream resumes after this message id (the Server-Sent Events standard's header). */
export const LAST_EVENT_ID_HEADER = "Last-Event-ID";

/** The SSE event that carries one ChatMessage as its data, with the message's id as the event id. */
export const MESSAGE_EVENT = "message";

/** The SSE event that says an agent ended the chat, its data the Chat; the stream closes after it. */
export const ENDED_EVENT = "ended";

/** A guest ticket's receipt links it for a week at most, and only while nobody else has acted on it. */
export const RECEIPT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
