import { chatEventsQuery } from "@/lib/contract/desk-api/chat";
import { CHAT_TOKEN_HEADER, LAST_EVENT_ID_HEADER } from "@/lib/contract/desk-api/wire";
import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, readQuery } from "@/lib/desk/api/respond";
import { findOwnChat } from "@/lib/desk/help-center/chat";
import { chatEventStream } from "@/lib/desk/help-center/chat-stream";

export const dynamic = "force-dynamic";

/** GET /desk/api/asap/v1/chat/sessions/{id}/events — the chat's Server-Sent Events, resumable with Last-Event-ID. */
export function GET(request: Request, { params }: { params: Promise<{ chatId: string }> }) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const guestToken = caller.kind === "anonymous" ? request.headers.get(CHAT_TOKEN_HEADER) : null;
    const chat = await findOwnChat(caller, (await params).chatId, guestToken);
    const lastId = request.headers.get(LAST_EVENT_ID_HEADER) || readQuery(new URL(request.url), chatEventsQuery).after || null;
    return new Response(chatEventStream(caller, chat.id, lastId, request.signal, guestToken), {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
    });
  });
}
