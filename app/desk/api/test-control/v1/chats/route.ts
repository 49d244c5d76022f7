import { byEmailQuery, type ChatsAnswer } from "@/lib/contract/test-control";
import { json, readQuery } from "@/lib/desk/api/respond";
import { readChats } from "@/lib/desk/test-control/queries";
import { control } from "@/lib/desk/test-control/respond";

/** GET /desk/api/test-control/v1/chats?email= — chats, newest first. */
export function GET(request: Request) {
  return control(request, async () => {
    const { email } = readQuery(new URL(request.url), byEmailQuery);
    return json<ChatsAnswer>({ chats: await readChats(email) });
  });
}
