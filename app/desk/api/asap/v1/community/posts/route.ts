import type { NextRequest } from "next/server";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson, readQuery } from "@/lib/desk/api/respond";
import { createPost, listPosts } from "@/lib/desk/help-center/community";
import { newPostBody, postListQuery } from "../schema";

/** GET /desk/api/asap/v1/community/posts?topic=&type=&page= — anyone. */
export function GET(request: NextRequest) {
  return handle(async () => json(await listPosts(await resolveCaller(request), readQuery(request.nextUrl, postListQuery))));
}

/** POST /desk/api/asap/v1/community/posts — signed-in contacts. */
export function POST(request: Request) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    return json({ post: await createPost(contact.id, await readJson(request, newPostBody)) }, 201);
  });
}
