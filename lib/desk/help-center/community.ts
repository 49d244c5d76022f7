import "server-only";
import { isMissingReference } from "@/lib/shared/db-errors";
import type { NewPost, PostListQuery } from "@/lib/contract/desk-api/community";
import type { Caller } from "@/lib/desk/api/caller";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";

/** The user community (DESIGN §4): anyone reads; signed-in contacts post, reply, like and follow. */

const notFound = () => new AsapError("NOT_FOUND", "There is no such post.", "Check the link.");

const author = (post: { agent: { name: string } | null; contact: { name: string } | null }) =>
  post.agent ? { kind: "agent" as const, name: post.agent.name } : { kind: "contact" as const, name: post.contact?.name ?? "Former member" };

export async function listTopics() {
  const topics = await db.communityTopic.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { posts: true } } },
  });
  return topics.map(({ _count, ...topic }) => ({ ...topic, postCount: _count.posts }));
}

export async function listPosts(caller: Caller, { topic, type, page, pageSize }: PostListQuery) {
  const where = { ...(topic ? { topic: { slug: topic } } : {}), ...(type ? { type } : {}) };
  const me = caller.kind === "contact" ? caller.contact.id : null;
  const [posts, total] = await Promise.all([
    db.communityPost.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        type: true,
        title: true,
        likeCount: true,
        createdAt: true,
        topic: { select: { slug: true, name: true } },
        agent: { select: { name: true } },
        contact: { select: { name: true } },
        _count: { select: { replies: true } },
        likes: { where: { contactId: me ?? "" }, select: { contactId: true } },
      },
    }),
    db.communityPost.count({ where }),
  ]);
  return {
    posts: posts.map(({ agent, contact, _count, likes, ...post }) => ({
      ...post,
      author: author({ agent, contact }),
      replyCount: _count.replies,
      likedByMe: likes.length > 0,
    })),
    total,
    page,
    pageSize,
  };
}

export async function readPost(caller: Caller, postId: string) {
  const me = caller.kind === "contact" ? caller.contact.id : "";
  const post = await db.communityPost.findUnique({
    where: { id: postId },
    select: {
      id: true,
      type: true,
      title: true,
      body: true,
      likeCount: true,
      createdAt: true,
      topic: { select: { slug: true, name: true } },
      agent: { select: { name: true } },
      contact: { select: { name: true } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, contact: { select: { name: true } } } },
      likes: { where: { contactId: me }, select: { contactId: true } },
      follows: { where: { contactId: me }, select: { contactId: true } },
    },
  });
  if (!post) throw notFound();
  const { agent, contact, likes, follows, replies, ...rest } = post;
  return {
    ...rest,
    author: author({ agent, contact }),
    likedByMe: likes.length > 0,
    followedByMe: follows.length > 0,
    replies: replies.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, author: { kind: "contact", name: r.contact?.name ?? "Former member" } })),
  };
}

export async function createPost(contactId: string, input: NewPost) {
  const topic = await db.communityTopic.findUnique({ where: { slug: input.topic }, select: { id: true } });
  if (!topic) throw new AsapError("VALIDATION_FAILED", `There is no topic "${input.topic}".`, "Pick one of the community's topics.");
  return transaction(async (tx) => {
    const post = await tx.communityPost.create({
      data: { topicId: topic.id, contactId, type: input.type, title: input.title, body: input.body },
      select: { id: true, type: true, title: true, body: true, createdAt: true },
    });
    await tx.communityFollow.create({ data: { postId: post.id, contactId } }); // authors follow their own posts
    return post;
  });
}

export async function replyToPost(contactId: string, postId: string, body: string) {
  try {
    return await db.communityReply.create({ data: { postId, contactId, body }, select: { id: true, body: true, createdAt: true } });
  } catch (error) {
    if (isMissingReference(error)) throw notFound();
    throw error;
  }
}

/** Like or unlike; repeating either is harmless, and the count follows the rows. */
export async function setLike(contactId: string, postId: string, liked: boolean) {
  return transaction(async (tx) => {
    const post = await tx.communityPost.findUnique({ where: { id: postId }, select: { id: true } });
    if (!post) throw notFound();
    const key = { postId_contactId: { postId, contactId } };
    const existing = await tx.communityLike.findUnique({ where: key });
    if (liked && !existing) {
      await tx.communityLike.create({ data: { postId, contactId } });
      await tx.communityPost.update({ where: { id: postId }, data: { likeCount: { increment: 1 } } });
    } else if (!liked && existing) {
      await tx.communityLike.delete({ where: key });
      await tx.communityPost.update({ where: { id: postId }, data: { likeCount: { decrement: 1 } } });
    }
    const { likeCount } = await tx.communityPost.findUniqueOrThrow({ where: { id: postId }, select: { likeCount: true } });
    return { liked, likeCount };
  });
}

export async function setFollow(contactId: string, postId: string, followed: boolean) {
  const post = await db.communityPost.findUnique({ where: { id: postId }, select: { id: true } });
  if (!post) throw notFound();
  const key = { postId_contactId: { postId, contactId } };
  if (followed) await db.communityFollow.upsert({ where: key, create: { postId, contactId }, update: {} });
  else await db.communityFollow.deleteMany({ where: { postId, contactId } });
  return { followed };
}
