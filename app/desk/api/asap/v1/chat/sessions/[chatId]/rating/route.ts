import { ratingBody, type RatingAnswer } from "@/lib/contract/desk-api/satisfaction";
import { CHAT_TOKEN_HEADER } from "@/lib/contract/desk-api/wire";
import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { rateChat, readChatRating } from "@/lib/desk/satisfaction/ratings";

type Params = { params: Promise<{ chatId: string }> };

/** GET /desk/api/asap/v1/chat/sessions/{id}/rating — the chat's rating, and whether it may be given or changed now (guests send X-Chat-Token). */
export function GET(request: Request, { params }: Params) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    return json<RatingAnswer>(await readChatRating(caller, (await params).chatId, request.headers.get(CHAT_TOKEN_HEADER)));
  });
}

/** PUT /desk/api/asap/v1/chat/sessions/{id}/rating { score, comment? } — rate an ended chat, or change the rating once. */
export function PUT(request: Request, { params }: Params) {
  return handle(async () => {
    const caller = await resolveCaller(request);
    const input = await readJson(request, ratingBody);
    return json<RatingAnswer>(await rateChat(caller, (await params).chatId, request.headers.get(CHAT_TOKEN_HEADER), input));
  });
}
