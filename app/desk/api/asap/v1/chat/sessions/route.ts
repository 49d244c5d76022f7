import { startChatBody, type ChatListAnswer, type NewChatAnswer } from "@/lib/contract/desk-api/chat";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { AsapError } from "@/lib/desk/iam/errors";
import { listMyChats, startChat } from "@/lib/desk/help-center/chat";

/** POST /desk/api/asap/v1/chat/sessions { name?, email?, message } — anyone; guests give a name and get a visitorToken. */
export function POST(request: Request) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const input = await readJson(request, startChatBody);
    if (caller.kind === "anonymous" && !input.name) throw new AsapError("VALIDATION_FAILED", 'The field "name" is required for guests.', "Tell the agent who you are.");
    return json<NewChatAnswer>(await startChat(caller, input), 201);
  });
}

/** GET /desk/api/asap/v1/chat/sessions — a signed-in contact's chat history. */
export function GET(request: Request) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<ChatListAnswer>({ chats: await listMyChats(contact.id) });
  });
}
