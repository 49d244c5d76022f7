import { z } from "zod";
import { MEMBER_POST_TYPES, POST_TYPES, type PostType } from "@/lib/contract/vocabulary";
import type { Author, IsoDateTime, Page } from "./common";

/**
 * The community: `community/topics`, `community/posts?topic=&type=&page=` (read by anyone; members
 * post), `community/posts/{id}`, `…/replies`, `…/like` and `…/follow` (POST to set, DELETE to undo).
 */
const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} may be at most ${max} characters` });

const topicSlug = /^[a-z0-9-]{1,64}$/;

export const postListQuery = z.object({
  topic: z.string().regex(topicSlug, { error: "must be a topic slug" }).optional(),
  type: z.enum(POST_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type PostListQuery = z.infer<typeof postListQuery>;

export const newPostBody = z.strictObject({
  topic: z.string().regex(topicSlug, { error: "topic must be a topic slug" }),
  type: z.enum(MEMBER_POST_TYPES, { error: "type must be question, idea or discussion" }),
  title: text("title", 200),
  body: text("body", 10_000),
});
export type NewPost = z.infer<typeof newPostBody>;

export const replyBody = z.strictObject({ body: text("body", 10_000) });

export type Topic = { id: string; slug: string; name: string; description: string; postCount: number };

export type PostSummary = {
  id: string;
  type: PostType;
  title: string;
  likeCount: number;
  createdAt: IsoDateTime;
  topic: { slug: string; name: string };
  author: Author;
  replyCount: number;
  likedByMe: boolean;
};

export type Reply = { id: string; body: string; createdAt: IsoDateTime; author: Author };

export type Post = Omit<PostSummary, "replyCount"> & { body: string; followedByMe: boolean; replies: Reply[] };

export type TopicsAnswer = { topics: Topic[] };
export type PostListAnswer = Page & { posts: PostSummary[] };
export type PostAnswer = { post: Post };
export type NewPostAnswer = { post: { id: string; type: PostType; title: string; body: string; createdAt: IsoDateTime } };
export type NewReplyAnswer = { reply: { id: string; body: string; createdAt: IsoDateTime } };
export type LikeAnswer = { liked: boolean; likeCount: number };
export type FollowAnswer = { followed: boolean };
