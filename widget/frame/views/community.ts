import { el, paragraphs, when } from "../dom";
import type { Author, ViewContext } from "./context";
import { field, form, loading, select, signInNote } from "./forms";

type PostSummary = { id: string; title: string; type: string; author: Author; likeCount: number; replyCount: number };
type Post = PostSummary & {
  body: string;
  createdAt: string;
  likedByMe: boolean;
  followedByMe: boolean;
  replies: Array<{ author: Author; body: string; createdAt: string }>;
};

export function community(ctx: ViewContext): HTMLElement {
  return loading(el("div"), async () => {
    const body = await ctx.api<{ posts: PostSummary[] }>("community/posts", { auth: ctx.signedIn() });
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
              el("span", { class: "row-sub", text: `${post.type} · ${post.author.name} · ${post.likeCount} likes · ${post.replyCount} replies` }),
            ]),
          ]),
        ),
      ),
    ]);
  });
}

export function postView(ctx: ViewContext, id: string): HTMLElement {
  return loading(el("div"), async () => {
    const { post } = await ctx.api<{ post: Post }>(`community/posts/${id}`, { auth: ctx.signedIn() });
    const toggle = (kind: "like" | "follow", on: boolean) => {
      ctx.api(`community/posts/${id}/${kind}`, { method: on ? "POST" : "DELETE", auth: true }).then(ctx.rerender);
    };
    return el("article", { class: "stack" }, [
      el("h2", { text: post.title }),
      el("p", { class: "muted", text: `${post.type} by ${post.author.name} · ${when(post.createdAt)}` }),
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
            await ctx.api(`community/posts/${id}/replies`, { method: "POST", body: data, auth: true });
            ctx.rerender();
          })
        : signInNote("reply"),
    ]);
  });
}

export function newPostView(ctx: ViewContext): HTMLElement {
  return el("div", { class: "stack" }, [
    el("h2", { text: "New post" }),
    form(
      [
        select(
          "Topic",
          "topic",
          [
            ["questions", "Questions"],
            ["ideas", "Ideas"],
          ],
          "questions",
        ),
        select(
          "Kind",
          "type",
          [
            ["question", "Question"],
            ["idea", "Idea"],
            ["discussion", "Discussion"],
          ],
          "question",
        ),
        field("Title", "title"),
        field("Details", "body", { multiline: true }),
      ],
      "Post",
      async (data) => {
        const body = await ctx.api<{ post: { id: string } }>("community/posts", { method: "POST", body: data, auth: true });
        ctx.show([{ kind: "post", id: body.post.id }]);
      },
    ),
  ]);
}
