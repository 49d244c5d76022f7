import { continuityBody, type ContinuityAnswer } from "@/lib/contract/desk-api/continuity";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { continueAsContact } from "@/lib/desk/help-center/continuity";

/** POST /desk/api/asap/v1/continuity { chats, tickets } — a signed-in contact's browser brings its guest visit's tokens; each item is linked, needs confirmation, or is gone. */
export function POST(request: Request) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const input = await readJson(request, continuityBody);
    return json<ContinuityAnswer>(await continueAsContact(contact, input));
  });
}
