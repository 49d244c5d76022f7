import { CHAT_TOKEN_HEADER } from "@/lib/contract/desk-api/wire";
import { messageBody, type MessagesAnswer, type NewMessageAnswer } from "@/lib/contract/desk-api/chat";
import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { findOwnChat, messagesAfter, sendVisitorMessage } from "@/lib/desk/help-center/chat";

type Params = { params: Promise<{ chatId: string }> };

/** GET /desk/api/asap/v1/chat/sessions/{id}/messages — the chat's messages (guests send X-Chat-Token). */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const chat = await findOwnChat(await resolveCaller(request), (await params).chatId, request.headers.get(CHAT_TOKEN_HEADER));
    return json<MessagesAnswer>({ messages: await messagesAfter(chat.id, null) });
  });
}

/** POST /desk/api/asap/v1/chat/sessions/{id}/messages { body, attachmentIds } — the visitor's next message. */
export function POST(request: Request, { params }: Params) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const chat = await findOwnChat(caller, (await params).chatId, request.headers.get(CHAT_TOKEN_HEADER));
    const input = await readJson(request, messageBody);
    return json<NewMessageAnswer>({ message: await sendVisitorMessage(caller, chat.id, input) }, 201);
  });
}
