import type { NextRequest } from "next/server";
import { newPostBody, postListQuery, type NewPostAnswer, type PostListAnswer } from "@/lib/contract/desk-api/community";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson, readQuery } from "@/lib/desk/api/respond";
import { createPost, listPosts } from "@/lib/desk/help-center/community";

/** GET /desk/api/asap/v1/community/posts?topic=&type=&page= — anyone. */
export function GET(request: NextRequest) {
  return handle(async () => json<PostListAnswer>(await listPosts(await resolveCaller(request), readQuery(request.nextUrl, postListQuery))));
}

/** POST /desk/api/asap/v1/community/posts — signed-in contacts. */
export function POST(request: Request) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json<NewPostAnswer>({ post: await createPost(contact.id, await readJson(request, newPostBody)) }, 201);
  });
}
