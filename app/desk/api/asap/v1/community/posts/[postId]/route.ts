import type { PostAnswer } from "@/lib/contract/desk-api/community";
import { resolveCaller } from "@/lib/desk/api/caller";
import { handle, json } from "@/lib/desk/api/respond";
import { readPost } from "@/lib/desk/help-center/community";

/** GET /desk/api/asap/v1/community/posts/{id} — anyone; with its replies. */
export function GET(request: Request, { params }: { params: Promise<{ postId: string }> }) {
  return handle(async () => json<PostAnswer>({ post: await readPost(await resolveCaller(request), (await params).postId) }));
}
