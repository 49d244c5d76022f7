import type { FollowAnswer } from "@/lib/contract/desk-api/community";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json } from "@/lib/desk/api/respond";
import { setFollow } from "@/lib/desk/help-center/community";

type Params = { params: Promise<{ postId: string }> };

function set(request: Request, { params }: Params, on: boolean) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<FollowAnswer>(await setFollow(contact.id, (await params).postId, on));
  });
}

/** POST /desk/api/asap/v1/community/posts/{id}/follow — signed-in contacts. Follow; repeating is harmless. */
export function POST(request: Request, context: Params) {
  return set(request, context, true);
}

/** DELETE /desk/api/asap/v1/community/posts/{id}/follow — undo. */
export function DELETE(request: Request, context: Params) {
  return set(request, context, false);
}
