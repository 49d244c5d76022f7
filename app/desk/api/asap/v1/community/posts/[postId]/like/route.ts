import type { LikeAnswer } from "@/lib/contract/desk-api/community";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json } from "@/lib/desk/api/respond";
import { setLike } from "@/lib/desk/help-center/community";

type Params = { params: Promise<{ postId: string }> };

function set(request: Request, { params }: Params, on: boolean) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<LikeAnswer>(await setLike(contact.id, (await params).postId, on));
  });
}

/** POST /desk/api/asap/v1/community/posts/{id}/like — signed-in contacts. Like; repeating is harmless. */
export function POST(request: Request, context: Params) {
  return set(request, context, true);
}

/** DELETE /desk/api/asap/v1/community/posts/{id}/like — undo. */
export function DELETE(request: Request, context: Params) {
  return set(request, context, false);
}
