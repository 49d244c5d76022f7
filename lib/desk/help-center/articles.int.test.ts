import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { contactCaller, refusal } from "@/test/integration/callers";
import { countArticleView, listArticles, listCategories, readArticle, recordFeedback } from "./articles";
import { cachedRead, COUNTERS_FRESH_MS } from "./read-cache";

// Articles as the Desk API serves them: anyone reads and votes; a contact's vote is one, and changeable.

async function categoryWith(count: number) {
  const slug = `cat-${randomUUID().slice(0, 8)}`;
  const category = await db.category.create({ data: { slug, name: slug, description: "For tests" }, select: { id: true } });
  const articles = [];
  for (let i = 0; i < count; i++) {
    const articleSlug = `${slug}-article-${i}`;
    articles.push(
      await db.article.create({ data: { slug: articleSlug, title: `Article ${i}`, summary: "s", body: "Set up a cron job.", categoryId: category.id }, select: { id: true, slug: true } }),
    );
  }
  return { slug, articles };
}

describe("articles", () => {
  it("lists a category's articles page by page, without repeats", async () => {
    const { slug } = await categoryWith(5);
    const first = await listArticles({ category: slug, page: 1, pageSize: 2 });
    const second = await listArticles({ category: slug, page: 2, pageSize: 2 });
    const third = await listArticles({ category: slug, page: 3, pageSize: 2 });
    expect(first.total).toBe(5);
    const ids = [...first.articles, ...second.articles, ...third.articles].map((a) => a.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect([...first.articles, ...second.articles].every((a) => a.category.slug === slug)).toBe(true);
  });

  it("reads count nothing; a view is counted on its own, by id or by slug", async () => {
    const { articles } = await categoryWith(1);
    const [article] = articles;
    const before = await readArticle(article!.slug);
    expect((await readArticle(article!.id)).viewCount).toBe(before.viewCount);
    await countArticleView(article!.slug);
    await countArticleView(article!.id);
    const after = await readArticle(article!.id);
    expect(after.viewCount).toBe(before.viewCount + 2);
    expect(after.body).toContain("cron");
    expect((await refusal(countArticleView("no-such-article"))).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND for an unknown article, to read or to vote on", async () => {
    expect((await refusal(readArticle("no-such-article"))).code).toBe("NOT_FOUND");
    expect((await refusal(recordFeedback("no-such-article", true, null))).code).toBe("NOT_FOUND");
  });

  it("counts every anonymous vote, and one changeable vote per contact", async () => {
    const { articles } = await categoryWith(1);
    const id = articles[0]!.id;
    expect(await recordFeedback(id, true, null)).toEqual({ helpfulCount: 1, notHelpful: 0 });
    expect(await recordFeedback(id, true, null)).toEqual({ helpfulCount: 2, notHelpful: 0 });
    const { contact } = await contactCaller();
    expect(await recordFeedback(id, true, contact.id)).toEqual({ helpfulCount: 3, notHelpful: 0 });
    expect(await recordFeedback(id, true, contact.id)).toEqual({ helpfulCount: 3, notHelpful: 0 });
    expect(await recordFeedback(id, false, contact.id)).toEqual({ helpfulCount: 2, notHelpful: 1 });
    expect(await db.articleFeedback.count({ where: { articleId: id, contactId: contact.id } })).toBe(1);
  });

  it("keeps an article's updatedAt for its content: views and votes do not move it", async () => {
    const { articles } = await categoryWith(1);
    const id = articles[0]!.id;
    const { updatedAt } = await db.article.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const read = await readArticle(id);
    await recordFeedback(id, true, null);
    expect(read.updatedAt).toEqual(updatedAt); // "Updated …" on the page, and the search index's stamp
    expect(await db.article.findUniqueOrThrow({ where: { id }, select: { updatedAt: true, viewCount: true, helpfulCount: true } })).toEqual({
      updatedAt,
      viewCount: read.viewCount,
      helpfulCount: 1,
    });
  });
});

describe("cached reads", () => {
  const read = (key: string, load: () => Promise<unknown>, now?: number) => cachedRead<never>(key, load as () => Promise<never>, now);

  it("answer from the cache until the content changes, on any writer, then at once from the database", async () => {
    const { slug, articles } = await categoryWith(2);
    let loads = 0;
    const load = async () => {
      loads++;
      return listArticles({ category: slug, page: 1, pageSize: 10 });
    };
    const key = `test:${slug}`;
    const first = await read(key, load);
    expect((await read(key, load)).etag).toBe(first.etag);
    expect(loads).toBe(1);

    // Views and votes are not content: still cached (until the counters' freshness runs out).
    await countArticleView(articles[0]!.id);
    await recordFeedback(articles[0]!.id, true, null);
    await read(key, load);
    expect(loads).toBe(1);
    await read(key, load, Date.now() + COUNTERS_FRESH_MS + 1);
    expect(loads).toBe(2);

    // An edit, a removal, a renamed category: each is seen by the very next read.
    for (const change of [
      () => db.article.update({ where: { id: articles[1]!.id }, data: { title: "Renamed" } }),
      () => db.article.delete({ where: { id: articles[0]!.id } }),
      () => db.category.update({ where: { slug }, data: { name: "Renamed category" } }),
    ]) {
      const before = loads;
      await change();
      const fresh = await read(key, load);
      expect(loads, String(change)).toBe(before + 1);
      expect(fresh.etag).not.toBe(first.etag);
    }
    expect((await listCategories()).find((c) => c.slug === slug)?.name).toBe("Renamed category");
  });
});
