import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { requireContact } from "@/lib/desk/api/caller";
import { db } from "@/lib/shared/db";
import { contactCaller, guestCaller, refusal } from "@/test/integration/callers";
import { createPost, listPosts, readPost, replyToPost, setFollow, setLike } from "./community";

// DESIGN §4's community cells on a real database: anyone reads; signed-in contacts write.

async function newTopic() {
  const slug = `topic-${randomUUID().slice(0, 8)}`;
  await db.communityTopic.create({ data: { slug, name: slug, description: "For tests" } });
  return slug;
}

async function postBy(name = "Ada") {
  const author = await contactCaller(name);
  const topic = await newTopic();
  const post = await createPost(author.contact.id, { topic, type: "idea", title: "Dark mode", body: "Please!" });
  return { author, topic, post };
}

describe("community", () => {
  it("a guest reads posts and replies, likes nothing, and may not write", async () => {
    const { author, topic, post } = await postBy();
    await replyToPost(author.contact.id, post.id, "+1");
    const guest = guestCaller();
    const listed = await listPosts(guest, { topic, page: 1, pageSize: 20 });
    expect(listed.posts).toEqual([expect.objectContaining({ id: post.id, replyCount: 1, likedByMe: false })]);
    const read = await readPost(guest, post.id);
    expect(read).toMatchObject({ likedByMe: false, followedByMe: false, author: { kind: "contact", name: "Ada" } });
    expect(read.replies.map((r) => r.body)).toEqual(["+1"]);
    // Posting, replying, liking and following take a contact id, which only requireContact gives.
    expect((await refusal(() => requireContact(guest))).code).toBe("UNAUTHENTICATED");
  });

  it("the author follows their own post; a like counts once however often it is sent", async () => {
    const { author, post } = await postBy();
    expect(await setLike(author.contact.id, post.id, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await setLike(author.contact.id, post.id, true)).toEqual({ liked: true, likeCount: 1 });
    expect(await readPost(author, post.id)).toMatchObject({ likeCount: 1, likedByMe: true, followedByMe: true });
  });

  it("each contact's like and follow are their own", async () => {
    const { author, post } = await postBy();
    const other = await contactCaller("Bob");
    await setLike(author.contact.id, post.id, true);
    await setLike(other.contact.id, post.id, true);
    expect(await setLike(author.contact.id, post.id, false)).toEqual({ liked: false, likeCount: 1 });
    expect(await setLike(author.contact.id, post.id, false)).toEqual({ liked: false, likeCount: 1 });
    expect(await setFollow(author.contact.id, post.id, false)).toEqual({ followed: false });
    expect(await readPost(other, post.id)).toMatchObject({ likedByMe: true, followedByMe: false });
    expect(await readPost(author, post.id)).toMatchObject({ likedByMe: false, followedByMe: false });
  });

  it("refuses an unknown topic with VALIDATION_FAILED and creates nothing", async () => {
    const me = await contactCaller();
    const error = await refusal(createPost(me.contact.id, { topic: "no-such-topic", type: "question", title: "t", body: "b" }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toContain("no topic");
    expect(await db.communityPost.count({ where: { contactId: me.contact.id } })).toBe(0);
  });

  it("an unknown post is NOT_FOUND to read, reply, like and follow", async () => {
    const me = await contactCaller();
    expect((await refusal(readPost(me, "no-such-post"))).code).toBe("NOT_FOUND");
    expect((await refusal(replyToPost(me.contact.id, "no-such-post", "b"))).code).toBe("NOT_FOUND");
    expect((await refusal(setLike(me.contact.id, "no-such-post", true))).code).toBe("NOT_FOUND");
    expect((await refusal(setFollow(me.contact.id, "no-such-post", true))).code).toBe("NOT_FOUND");
  });
});
