import { resolveCaller } from "@/lib/desk/api/caller";
import { handle } from "@/lib/desk/api/respond";
import { findOwnChat, messagesAfter } from "@/lib/desk/help-center/chat";
import { sessionStillLive } from "@/lib/desk/sessions/asap-sessions";

export const dynamic = "force-dynamic";

const POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;
// Streams end after a while and the client resumes with Last-Event-ID: no connection lives forever.
const MAX_STREAM_MS = 5 * 60 * 1000;

/**
 * GET /desk/api/asap/v1/chat/sessions/{id}/events — Server-Sent Events: each message (agent replies
 * included) as `event: message`, resumable with Last-Event-ID. New messages are found by polling the
 * database, since the app may run as several processes with nothing else in common. A signed-in
 * visitor's stream ends within a poll of their session ending (logout, revocation, key or settings).
 */
export function GET(request: Request, { params }: { params: Promise<{ chatId: string }> }) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const chat = await findOwnChat(caller, (await params).chatId, request.headers.get("x-chat-token"));
    const stillAllowed = () => (caller.kind === "contact" ? sessionStillLive(caller.sessionId) : Promise.resolve(true));
    let lastId = request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after");
    const encoder = new TextEncoder();
    const started = Date.now();

    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        let lastBeat = Date.now();
        try {
          send("retry: 2000\n\n");
          while (!cancelled && !request.signal.aborted && Date.now() - started < MAX_STREAM_MS && (await stillAllowed())) {
            for (const message of await messagesAfter(chat.id, lastId)) {
              send(`event: message\nid: ${message.id}\ndata: ${JSON.stringify(message)}\n\n`);
              lastId = message.id;
            }
            if (Date.now() - lastBeat > HEARTBEAT_MS) {
              send(": keep-alive\n\n");
              lastBeat = Date.now();
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          }
          controller.close();
        } catch {
          // The client went away mid-write: nothing left to tell it.
        }
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
    });
  });
}
