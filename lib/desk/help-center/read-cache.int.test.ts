import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { countArticleView, recordFeedback } from "./articles";
import { contentStamp } from "./read-cache";

// The content stamp is the revision the database's own triggers raise (migration
// 20261203080816_content_revision): whoever writes, through the app or not. These are its rules.

const slug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Whether `change` moved the stamp. */
async function moves(change: () => Promise<unknown>): Promise<boolean> {
  const before = await contentStamp();
  await change();
  return (await contentStamp()) !== before;
}

describe("the content stamp", () => {
  it("moves with every change to a category, and to an article that is or was published, however it is written", async () => {
    let categoryId = "";
    expect(await moves(async () => ({ id: categoryId } = await db.category.create({ data: { slug: slug("cat"), name: "Stamps", description: "For tests" } })))).toBe(true);
    expect(await moves(() => db.category.update({ where: { id: categoryId }, data: { name: "Stamps, renamed" } }))).toBe(true);

    let articleId = "";
    const article = { slug: slug("article"), title: "Stamped", summary: "s", body: "b", categoryId };
    expect(await moves(async () => ({ id: articleId } = await db.article.create({ data: article })))).toBe(true); // published at once
    expect(await moves(() => db.$executeRaw`UPDATE "Article" SET "title" = ${"Raw SQL"} WHERE "id" = ${articleId}`)).toBe(true);
    expect(await moves(() => db.article.update({ where: { id: articleId }, data: { publishedAt: null } }))).toBe(true); // unpublished
    expect(await moves(() => db.article.delete({ where: { id: articleId } }))).toBe(false); // a draft's removal
    expect(await moves(() => db.category.delete({ where: { id: categoryId } }))).toBe(true);
  });

  it("stays put for a draft's changes, and for views and votes, so the caches keep their entries", async () => {
    expect(await contentStamp()).toBe(await contentStamp());
    const { id: categoryId } = await db.category.create({ data: { slug: slug("cat"), name: "Stamps", description: "For tests" } });
    let draftId = "";
    expect(await moves(async () => ({ id: draftId } = await db.article.create({ data: { slug: slug("draft"), title: "Draft", summary: "s", body: "b", categoryId, publishedAt: null } })))).toBe(false);
    expect(await moves(() => db.article.update({ where: { id: draftId }, data: { title: "Draft, edited", version: { increment: 1 } } }))).toBe(false);

    const { id: publishedId } = await db.article.create({ data: { slug: slug("published"), title: "Published", summary: "s", body: "b", categoryId } });
    expect(await moves(() => countArticleView(publishedId))).toBe(false);
    expect(await moves(() => recordFeedback(publishedId, true, null))).toBe(false);
  });

  it("without its row (a migration undone by hand) is new at every read, so no cache ever answers stale", async () => {
    const [row] = await db.$queryRaw<Array<{ revision: number; epoch: string }>>`SELECT "revision", "epoch" FROM "ContentRevision" WHERE "id" = 1`;
    await db.$executeRaw`DELETE FROM "ContentRevision"`;
    try {
      expect(await contentStamp()).not.toBe(await contentStamp());
    } finally {
      await db.$executeRaw`INSERT INTO "ContentRevision" ("id", "revision", "epoch") VALUES (1, ${Number(row?.revision)}, ${String(row?.epoch)})`;
    }
  });
});
