import type { FollowAnswer, LikeAnswer, NewPostAnswer, NewReplyAnswer, PostAnswer, PostListAnswer, TopicsAnswer } from "@/lib/contract/desk-api/community";
import { MEMBER_POST_TYPES, type PostType } from "@/lib/contract/vocabulary";
import { el, paragraphs, when } from "../dom";
import type { ViewContext } from "./context";
import { field, form, loading, select, signInNote } from "./forms";

// The compiler checks every kind of post has a name here.
const POST_TYPE: Record<PostType, string> = { question: "Question", idea: "Idea", discussion: "Discussion", announcement: "Announcement" };
// A newer Desk may know a kind this bundle does not: show its word rather than nothing.
const postTypeName = (type: string) => POST_TYPE[type as PostType] ?? type;

export function community(ctx: ViewContext): HTMLElement {
  return loading(el("div"), async () => {
    const body = await ctx.api<PostListAnswer>("community/posts", { auth: ctx.signedIn() });
    return el("div", { class: "stack" }, [
      el("div", { class: "split" }, [
        el("h2", { text: "Community" }),
        ctx.signedIn() ? el("button", { type: "button", class: "primary", onclick: () => ctx.go({ kind: "new-post" }), text: "New post" }) : null,
      ]),
      ctx.signedIn() ? null : signInNote("post, reply, like or follow"),
      el(
        "ul",
        { class: "list", "aria-label": "Posts" },
        body.posts.map((post) =>
          el("li", {}, [
            el("button", { type: "button", class: "row", onclick: () => ctx.go({ kind: "post", id: post.id }) }, [
              el("span", { class: "row-title", text: post.title }),
              el("span", { class: "row-sub", text: `${postTypeName(post.type)} · ${post.author.name} · ${post.likeCount} likes · ${post.replyCount} replies` }),
            ]),
          ]),
        ),
      ),
    ]);
  });
}

export function postView(ctx: ViewContext, id: string): HTMLElement {
  return loading(el("div"), async () => {
    const { post } = await ctx.api<PostAnswer>(`community/posts/${id}`, { auth: ctx.signedIn() });
    const toggle = (kind: "like" | "follow", on: boolean) => {
      ctx.api<LikeAnswer | FollowAnswer>(`community/posts/${id}/${kind}`, { method: on ? "POST" : "DELETE", auth: true }).then(ctx.rerender);
    };
    return el("article", { class: "stack" }, [
      el("h2", { text: post.title }),
      el("p", { class: "muted", text: `${postTypeName(post.type)} by ${post.author.name} · ${when(post.createdAt)}` }),
      paragraphs(post.body),
      ctx.signedIn()
        ? el("div", { class: "vote" }, [
            el("button", {
              type: "button",
              "aria-pressed": String(post.likedByMe),
              onclick: () => toggle("like", !post.likedByMe),
              text: `${post.likedByMe ? "Liked" : "Like"} (${post.likeCount})`,
            }),
            el("button", {
              type: "button",
              "aria-pressed": String(post.followedByMe),
              onclick: () => toggle("follow", !post.followedByMe),
              text: post.followedByMe ? "Following" : "Follow",
            }),
          ])
        : el("p", { class: "muted", text: `${post.likeCount} likes` }),
      el("h3", { text: `${post.replies.length} replies` }),
      el(
        "ol",
        { class: "thread" },
        post.replies.map((reply) => el("li", {}, [el("p", { class: "meta", text: `${reply.author.name} · ${when(reply.createdAt)}` }), paragraphs(reply.body)])),
      ),
      ctx.signedIn()
        ? form([field("Your reply", "body", { multiline: true, rows: 3 })], "Reply", async (data) => {
            await ctx.api<NewReplyAnswer>(`community/posts/${id}/replies`, { method: "POST", body: data, auth: true });
            ctx.rerender();
          })
        : signInNote("reply"),
    ]);
  });
}

export function newPostView(ctx: ViewContext): HTMLElement {
  return loading(el("div"), async () => {
    const { topics } = await ctx.api<TopicsAnswer>("community/topics");
    return el("div", { class: "stack" }, [
      el("h2", { text: "New post" }),
      form(
        [
          // No topic is chosen for the member: the Desk's topics include its own (announcements).
          select("Topic", "topic", [["", "Choose a topic"], ...topics.map((topic): [string, string] => [topic.slug, topic.name])], ""),
          select(
            "Kind",
            "type",
            MEMBER_POST_TYPES.map((type) => [type, POST_TYPE[type]]),
            "question",
          ),
          field("Title", "title"),
          field("Details", "body", { multiline: true }),
        ],
        "Post",
        async (data) => {
          const body = await ctx.api<NewPostAnswer>("community/posts", { method: "POST", body: data, auth: true });
          ctx.show([{ kind: "post", id: body.post.id }]);
        },
      ),
    ]);
  });
}
