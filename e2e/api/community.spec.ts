import { expect, test } from "../fixtures";
import { baseURL } from "../../playwright.config";
import { contactSession } from "../support/desk";

// DESIGN §4's community cells: anonymous reads only; signed-in contacts post, reply, like, follow.
const API = "/desk/api/asap/v1/community";
const SITE = new URL(baseURL).origin;
type Post = { id: string; title: string; likeCount: number; likedByMe: boolean; followedByMe: boolean; replyCount?: number; replies?: Array<{ body: string }> };

test.describe("community", () => {
  test("anonymous visitors read topics, posts and replies, and may not write", async ({ request }) => {
    const { topics } = (await (await request.get(`${API}/topics`)).json()) as { topics: Array<{ slug: string; postCount: number }> };
    expect(topics.map((t) => t.slug).sort()).toEqual(["announcements", "ideas", "questions"]);
    const { posts } = (await (await request.get(`${API}/posts?topic=questions`)).json()) as { posts: Post[] };
    expect(posts.length).toBeGreaterThan(0);
    const { post } = (await (await request.get(`${API}/posts/${posts[0]?.id}`)).json()) as { post: Post };
    expect(post.likedByMe).toBe(false);

    const writes = [
      request.post(`${API}/posts`, { data: { topic: "questions", type: "question", title: "t", body: "b" } }),
      request.post(`${API}/posts/${post.id}/replies`, { data: { body: "b" } }),
      request.post(`${API}/posts/${post.id}/like`),
      request.post(`${API}/posts/${post.id}/follow`),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
  });

  test("a signed-in contact posts, replies, likes once, unlikes and follows", async ({ request }) => {
    const me = await contactSession(request, SITE);
    const created = await request.post(`${API}/posts`, {
      data: { topic: "ideas", type: "idea", title: "Dark mode for the dashboard", body: "Please!" },
      headers: me.headers,
    });
    expect(created.status()).toBe(201);
    const { post } = (await created.json()) as { post: Post };

    expect((await request.post(`${API}/posts/${post.id}/replies`, { data: { body: "+1" }, headers: me.headers })).status()).toBe(201);
    for (let i = 0; i < 2; i++) await request.post(`${API}/posts/${post.id}/like`, { headers: me.headers });
    const liked = (await (await request.get(`${API}/posts/${post.id}`, { headers: me.headers })).json()) as { post: Post };
    expect(liked.post).toMatchObject({ likeCount: 1, likedByMe: true, followedByMe: true });
    expect(liked.post.replies?.map((r) => r.body)).toEqual(["+1"]);

    const other = await contactSession(request, SITE);
    await request.post(`${API}/posts/${post.id}/like`, { headers: other.headers });
    const unliked = await request.delete(`${API}/posts/${post.id}/like`, { headers: me.headers });
    expect(await unliked.json()).toEqual({ liked: false, likeCount: 1 });
    expect(await (await request.delete(`${API}/posts/${post.id}/follow`, { headers: me.headers })).json()).toEqual({ followed: false });
    const seenByOther = (await (await request.get(`${API}/posts/${post.id}`, { headers: other.headers })).json()) as { post: Post };
    expect(seenByOther.post).toMatchObject({ likedByMe: true, followedByMe: false });
  });

  test("refuses announcements from members, unknown topics, long bodies and unknown posts", async ({ request }) => {
    const me = await contactSession(request, SITE);
    const post = (data: Record<string, unknown>) => request.post(`${API}/posts`, { data: { topic: "questions", type: "question", title: "t", body: "b", ...data }, headers: me.headers });
    expect((await post({ type: "announcement" })).status()).toBe(400);
    expect(((await (await post({ topic: "no-such-topic" })).json()) as { error: { message: string } }).error.message).toContain("no topic");
    expect(((await (await post({ body: "b".repeat(10_001) })).json()) as { error: { message: string } }).error.message).toContain("at most 10000");
    expect((await request.post(`${API}/posts/no-such-post/replies`, { data: { body: "b" }, headers: me.headers })).status()).toBe(404);
    expect((await request.post(`${API}/posts/no-such-post/like`, { headers: me.headers })).status()).toBe(404);
    expect((await request.get(`${API}/posts/no-such-post`)).status()).toBe(404);
  });
});
