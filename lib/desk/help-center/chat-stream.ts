import "server-only";
import { ENDED_EVENT, MESSAGE_EVENT } from "@/lib/contract/desk-api/wire";
import type { Caller } from "@/lib/desk/api/caller";
import { sessionLiveUntil } from "@/lib/desk/sessions/asap-sessions";
import { AsapError } from "@/lib/desk/iam/errors";
import { endedChat, guestStillHolds, messagesAfter } from "./chat";
import { chatEvents } from "./chat-events";

const HEARTBEAT_MS = 15_000;
/** Open streams one chat may hold on one instance: a few tabs, not thousands of connections. */
export const MAX_STREAMS_PER_CHAT = 3;
const openStreams = new Map<string, number>();
// Streams end after a while and the client resumes with Last-Event-ID: no connection lives forever.
const MAX_STREAM_MS = 5 * 60 * 1000;

/**
 * A chat's Server-Sent Events: each message (agent replies included) as `event: message`, from after
 * `lastId`, then one `event: ended` and the end of the stream once an agent has ended the chat (so the
 * widget can offer a rating). It wakes on chatEvents (a new message or the chat's end; on PostgreSQL
 * from any instance), and a signed-in visitor's stream ends as soon as their session does (logout,
 * revocation, key or add-on settings, or its own end), within about a second. A guest's stream, given
 * the token it was opened with, ends likewise once that token stops working (the chat was linked to an
 * account when its guest signed in): from then on only the session reads it.
 */
export function chatEventStream(caller: Caller, chatId: string, lastId: string | null, signal: AbortSignal, guestToken: string | null = null): ReadableStream<Uint8Array> {
  const open = openStreams.get(chatId) ?? 0;
  if (open >= MAX_STREAMS_PER_CHAT) {
    throw new AsapError("RATE_LIMITED", `This chat already has ${open} live streams.`, "Close another tab of this chat, or retry in a few seconds.", { retryAfterSeconds: 5 });
  }
  openStreams.set(chatId, open + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (openStreams.get(chatId) ?? 1) - 1;
    if (left > 0) openStreams.set(chatId, left);
    else openStreams.delete(chatId);
  };
  const encoder = new TextEncoder();
  const started = Date.now();
  let cancelled = false;
  let after = lastId;

  // When the caller's session stops being usable: null once it has. Guests' chats are theirs by token.
  const liveUntil = async (): Promise<number | null> => {
    if (caller.kind !== "contact") return guestToken === null || (await guestStillHolds(chatId, guestToken)) ? Number.POSITIVE_INFINITY : null;
    return (await sessionLiveUntil(caller.sessionId))?.getTime() ?? null;
  };

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      try {
        send("retry: 2000\n\n");
        let until = await liveUntil();
        let lastBeat = Date.now();
        while (!cancelled && !signal.aborted && until !== null && Date.now() < until && Date.now() - started < MAX_STREAM_MS) {
          // Listen before reading, so a message written in between still wakes us.
          const wake = chatEvents.next(chatId, Math.max(0, Math.min(HEARTBEAT_MS, until - Date.now() + 50)));
          for (const message of await messagesAfter(chatId, after)) {
            send(`event: ${MESSAGE_EVENT}\nid: ${message.id}\ndata: ${JSON.stringify(message)}\n\n`);
            after = message.id;
          }
          const ended = await endedChat(chatId);
          if (ended) {
            send(`event: ${ENDED_EVENT}\ndata: ${JSON.stringify(ended)}\n\n`);
            break;
          }
          if (Date.now() - lastBeat > HEARTBEAT_MS) {
            send(": keep-alive\n\n");
            lastBeat = Date.now();
          }
          await wake;
          // Every wake, not only a "sessions" one: a logout's notice may arrive with a message's.
          until = await liveUntil();
        }
        controller.close();
      } catch {
        // The client went away mid-write: nothing left to tell it.
      } finally {
        release();
      }
    },
    cancel() {
      cancelled = true;
      release();
    },
  });
}
