import { z } from "zod";
import { MEMBER_POST_TYPES, POST_TYPES } from "@/lib/contract/vocabulary";
import { author, count, isoDateTime, pageQuery, paging, requiredText } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * The community: `community/topics`, `community/posts?topic=&type=&page=` (read by anyone; members
 * post), `community/posts/{id}`, `…/replies`, `…/like` and `…/follow` (POST to set, DELETE to undo).
 */
const topicSlug = /^[a-z0-9-]{1,64}$/;

export const postListQuery = z.object({
  topic: z.string().regex(topicSlug, { error: "must be a topic slug" }).optional(),
  type: z.enum(POST_TYPES).optional(),
  ...pageQuery,
});
export type PostListQuery = z.infer<typeof postListQuery>;

export const newPostBody = z
  .strictObject({
    topic: z.string().regex(topicSlug, { error: "topic must be a topic slug" }),
    type: z.enum(MEMBER_POST_TYPES, { error: "type must be question, idea or discussion" }),
    title: requiredText("title", 200),
    body: requiredText("body", 10_000),
  })
  .register(requestShapes, { id: "NewPost" });
export type NewPost = z.infer<typeof newPostBody>;

export const replyBody = z.strictObject({ body: requiredText("body", 10_000) }).register(requestShapes, { id: "ReplyBody" });

const postType = z.enum(POST_TYPES);

export const topic = z
  .strictObject({ id: z.string(), slug: z.string(), name: z.string(), description: z.string(), postCount: count })
  .register(answerShapes, { id: "Topic" });
export type Topic = z.infer<typeof topic>;

export const postSummary = z
  .strictObject({
    id: z.string(),
    type: postType,
    title: z.string(),
    likeCount: count,
    createdAt: isoDateTime,
    topic: z.strictObject({ slug: z.string(), name: z.string() }),
    author,
    replyCount: count,
    likedByMe: z.boolean(),
  })
  .register(answerShapes, { id: "PostSummary" });
export type PostSummary = z.infer<typeof postSummary>;

export const reply = z.strictObject({ id: z.string(), body: z.string(), createdAt: isoDateTime, author }).register(answerShapes, { id: "Reply" });
export type Reply = z.infer<typeof reply>;

export const post = postSummary
  .omit({ replyCount: true })
  .extend({ body: z.string(), followedByMe: z.boolean(), replies: z.array(reply) })
  .register(answerShapes, { id: "Post" });
export type Post = z.infer<typeof post>;

export const topicsAnswer = z.strictObject({ topics: z.array(topic) }).register(answerShapes, { id: "TopicsAnswer" });
export type TopicsAnswer = z.infer<typeof topicsAnswer>;

export const postListAnswer = paging.extend({ posts: z.array(postSummary) }).register(answerShapes, { id: "PostListAnswer" });
export type PostListAnswer = z.infer<typeof postListAnswer>;

export const postAnswer = z.strictObject({ post }).register(answerShapes, { id: "PostAnswer" });
export type PostAnswer = z.infer<typeof postAnswer>;

export const newPostAnswer = z
  .strictObject({ post: z.strictObject({ id: z.string(), type: postType, title: z.string(), body: z.string(), createdAt: isoDateTime }) })
  .register(answerShapes, { id: "NewPostAnswer" });
export type NewPostAnswer = z.infer<typeof newPostAnswer>;

export const newReplyAnswer = z
  .strictObject({ reply: z.strictObject({ id: z.string(), body: z.string(), createdAt: isoDateTime }) })
  .register(answerShapes, { id: "NewReplyAnswer" });
export type NewReplyAnswer = z.infer<typeof newReplyAnswer>;

export const likeAnswer = z.strictObject({ liked: z.boolean(), likeCount: count }).register(answerShapes, { id: "LikeAnswer" });
export type LikeAnswer = z.infer<typeof likeAnswer>;

export const followAnswer = z.strictObject({ followed: z.boolean() }).register(answerShapes, { id: "FollowAnswer" });
export type FollowAnswer = z.infer<typeof followAnswer>;
