import { replyBody, type NewReplyAnswer } from "@/lib/contract/desk-api/community";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { replyToPost } from "@/lib/desk/help-center/community";

/** POST /desk/api/asap/v1/community/posts/{id}/replies { body } — signed-in contacts. */
export function POST(request: Request, { params }: { params: Promise<{ postId: string }> }) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const { body } = await readJson(request, replyBody);
    return json<NewReplyAnswer>({ reply: await replyToPost(contact.id, (await params).postId, body) }, 201);
  });
}
