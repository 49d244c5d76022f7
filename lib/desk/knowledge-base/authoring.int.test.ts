import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { countArticleView, listArticles, listCategories, readArticle, recordFeedback } from "@/lib/desk/help-center/articles";
import { recordDeflection } from "@/lib/desk/help-center/deflections";
import { cachedRead, contentVersion } from "@/lib/desk/help-center/read-cache";
import { db } from "@/lib/shared/db";
import { consoleRefusal, guestCaller, newAgent, refusal } from "@/test/integration/callers";
import { articleDraftSchema, type ArticleDraft } from "./article-draft";
import { createArticle, saveArticle } from "./authoring";

// Agents author the knowledge base; the help center (the Desk API's reads, cached or not, and its
// search) sees each change on its very next read, and never sees a draft.

async function newCategory(name = "Billing") {
  const slug = `cat-${randomUUID().slice(0, 8)}`;
  return db.category.create({ data: { slug, name, description: "For tests" }, select: { id: true, slug: true, name: true } });
}

const unique = () => randomUUID().slice(0, 8);

function draftIn(categoryId: string, overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  const word = `zebracorn${unique()}`; // a word no other article has, to search for
  return articleDraftSchema.parse({ title: `Pay invoices ${word}`, slug: "", summary: "How to pay", categoryId, body: `Open **Billing**. ${word}`, ...overrides });
}

/** What the public sees of an article: its read, its category's list and count, and a search for it. */
async function publicView(article: { id: string; slug: string }, category: { slug: string }, word: string) {
  const [byId, bySlug] = await Promise.all([readArticle(article.id).catch(() => null), readArticle(article.slug).catch(() => null)]);
  const listed = (await listArticles({ category: category.slug, page: 1, pageSize: 50 })).articles.map((a) => a.id);
  const found = (await listArticles({ q: word, page: 1, pageSize: 50 })).articles.map((a) => a.id);
  const count = (await listCategories()).find((c) => c.slug === category.slug)?.articleCount;
  return { readable: Boolean(byId && bySlug), listed: listed.includes(article.id), found: found.includes(article.id), count };
}

const auditOf = (articleId: string) =>
  db.auditEvent.findMany({ where: { target: `article:${articleId}` }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true, detail: true } });

const stored = (id: string) => db.article.findUniqueOrThrow({ where: { id }, select: { title: true, slug: true, categoryId: true, publishedAt: true, version: true, viewCount: true } });

describe("article authoring", () => {
  it("a new article is a draft: audited, and invisible to every public read, count, view and vote", async () => {
    const category = await newCategory();
    const agent = await newAgent("Grace");
    const draft = draftIn(category.id);
    const versionBefore = await contentVersion();
    const { id } = await createArticle(agent, draft);

    expect(await stored(id)).toMatchObject({ slug: draft.slug, publishedAt: null, version: 1 });
    expect(await publicView({ id, slug: draft.slug }, category, draft.body.split(" ").at(-1)!)).toEqual({ readable: false, listed: false, found: false, count: 0 });
    expect((await refusal(countArticleView(id))).code).toBe("NOT_FOUND");
    expect((await refusal(recordFeedback(id, true, null))).code).toBe("NOT_FOUND");
    expect((await refusal(recordDeflection({ key: randomUUID(), articleId: id }, guestCaller().clientIp))).code).toBe("NOT_FOUND");
    // A draft moves nothing the help center's caches follow.
    expect(await contentVersion()).toBe(versionBefore);
    expect(await auditOf(id)).toEqual([{ actorId: agent.id, action: "article.create", detail: `Created the draft “${draft.title}” in Billing` }]);
  });

  it("publishing shows it at once, through a warm cache and the search index; unpublishing hides it at once, counters kept", async () => {
    const category = await newCategory();
    const agent = await newAgent();
    const draft = draftIn(category.id);
    const word = draft.body.split(" ").at(-1)!;
    const { id } = await createArticle(agent, draft);
    const cachedList = () => cachedRead<never>(`test:${category.slug}`, (() => listArticles({ category: category.slug, page: 1, pageSize: 50 })) as never);
    expect(JSON.parse((await cachedList()).body).total).toBe(0); // warm: cached with no article
    await listArticles({ q: word, page: 1, pageSize: 5 }); // and the search index built without it
    const versionBefore = await contentVersion();

    expect(await saveArticle(agent, id, 1, draft, "publish")).toEqual({ version: 2 });
    expect(await contentVersion()).not.toBe(versionBefore);
    expect(JSON.parse((await cachedList()).body).total).toBe(1);
    expect(await publicView({ id, slug: draft.slug }, category, word)).toEqual({ readable: true, listed: true, found: true, count: 1 });
    await countArticleView(id);
    await recordFeedback(id, true, null);

    const publishedVersion = await contentVersion();
    expect(await saveArticle(agent, id, 2, draft, "unpublish")).toEqual({ version: 3 });
    expect(await contentVersion()).not.toBe(publishedVersion);
    expect(JSON.parse((await cachedList()).body).total).toBe(0);
    expect(await publicView({ id, slug: draft.slug }, category, word)).toEqual({ readable: false, listed: false, found: false, count: 0 });
    expect((await refusal(countArticleView(draft.slug))).code).toBe("NOT_FOUND");

    // Published again: back, with the views and votes it had.
    await saveArticle(agent, id, 3, draft, "publish");
    expect(await readArticle(id)).toMatchObject({ viewCount: 1, helpfulCount: 1 });
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual(["article.create", "article.publish", "article.unpublish", "article.publish"]);
  });

  it("a save from an instance whose clock is behind is seen at once, even where counts and version sums come out as before", async () => {
    const category = await newCategory();
    const agent = await newAgent();
    const [a, b, newest] = [draftIn(category.id), draftIn(category.id), draftIn(category.id)];
    const edited = (draft: ArticleDraft) => ({ ...draft, summary: "Edited" });
    // a: published, at version 3; b: a draft, at version 2; newest: published after both.
    const { id: aId } = await createArticle(agent, a);
    await saveArticle(agent, aId, 1, a, "publish");
    await saveArticle(agent, aId, 2, edited(a), "keep");
    const { id: bId } = await createArticle(agent, b);
    await saveArticle(agent, bId, 1, edited(b), "keep");
    const { id: newestId } = await createArticle(agent, newest);
    await saveArticle(agent, newestId, 1, newest, "publish");
    const bWord = b.body.split(" ").at(-1)!;
    expect((await listArticles({ q: bWord, page: 1, pageSize: 5 })).total).toBe(0); // the search index, built without b
    const versionBefore = await contentVersion();

    // Another instance, its clock a minute behind: unpublishing a and publishing b leave as many
    // published articles, the same sum of versions (3), and older updatedAt than the newest's.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 60_000 });
    try {
      await saveArticle(agent, aId, 3, edited(a), "unpublish");
      await saveArticle(agent, bId, 2, edited(b), "publish");
    } finally {
      vi.useRealTimers();
    }
    expect(await contentVersion()).not.toBe(versionBefore);
    expect((await listArticles({ q: bWord, page: 1, pageSize: 5 })).articles.map((article) => article.id)).toEqual([bId]);
  });

  it("an edit that also moves the article to another category is audited as both, and seen at once", async () => {
    const [billing, deployments] = [await newCategory("Billing"), await newCategory("Deployments")];
    const agent = await newAgent();
    const draft = draftIn(billing.id);
    const { id } = await createArticle(agent, draft);
    await saveArticle(agent, id, 1, draft, "publish");
    const before = await readArticle(id);

    const moved = { ...draft, title: "Pay invoices by card", slug: `pay-by-card-${unique()}`, categoryId: deployments.id };
    expect(await saveArticle(agent, id, 2, moved, "keep")).toEqual({ version: 3 });
    const after = await readArticle(moved.slug);
    expect(after).toMatchObject({ id, title: "Pay invoices by card", category: { slug: deployments.slug, name: "Deployments" } });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect((await refusal(readArticle(draft.slug))).code).toBe("NOT_FOUND"); // the old address is gone
    expect((await listCategories()).filter((c) => c.id === billing.id || c.id === deployments.id).map((c) => c.articleCount)).toEqual([0, 1]);
    expect((await auditOf(id)).slice(-2)).toEqual([
      { actorId: agent.id, action: "article.edit", detail: `Edited title, slug (${draft.slug} → ${moved.slug})` },
      { actorId: agent.id, action: "article.recategorise", detail: "Moved from Billing to Deployments" },
    ]);
  });

  it("refuses an edit based on a version another agent has saved since, naming them; nothing is overwritten", async () => {
    const category = await newCategory();
    const [grace, sam] = [await newAgent("Grace Hopper"), await newAgent("Sam Rivera")];
    const draft = draftIn(category.id);
    const { id } = await createArticle(grace, draft);
    await saveArticle(grace, id, 1, { ...draft, title: "Grace's title" }, "keep");

    const stale = await consoleRefusal(saveArticle(sam, id, 1, { ...draft, title: "Sam's title" }, "publish"));
    expect(stale.code).toBe("ARTICLE_EDIT_CONFLICT");
    expect(stale.message).toBe("Grace Hopper saved this article after you opened it, so nothing was saved.");
    expect(await stored(id)).toMatchObject({ title: "Grace's title", publishedAt: null, version: 2 });
    expect((await auditOf(id)).every((entry) => entry.actorId === grace.id)).toBe(true);
  });

  it("lets exactly one of two saves from the same version through", async () => {
    const category = await newCategory();
    const [grace, sam] = [await newAgent("Grace"), await newAgent("Sam")];
    const draft = draftIn(category.id);
    const { id } = await createArticle(grace, draft);
    const outcomes = await Promise.allSettled([
      saveArticle(grace, id, 1, { ...draft, title: "One" }, "keep"),
      saveArticle(sam, id, 1, { ...draft, title: "Two" }, "keep"),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const [lost] = outcomes.filter((outcome) => outcome.status === "rejected");
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: "ARTICLE_EDIT_CONFLICT" });
    expect((await stored(id)).version).toBe(2);
    expect((await auditOf(id)).filter((entry) => entry.action === "article.edit")).toHaveLength(1);
  });

  it("refuses a slug another article has, or another article's id, when creating or saving", async () => {
    const category = await newCategory();
    const agent = await newAgent();
    const first = draftIn(category.id);
    const { id: firstId } = await createArticle(agent, first);
    const second = draftIn(category.id);
    const { id: secondId } = await createArticle(agent, second);

    const onCreate = await consoleRefusal(createArticle(agent, { ...draftIn(category.id), slug: first.slug }));
    expect(onCreate.code).toBe("ARTICLE_SLUG_TAKEN");
    expect(onCreate.message).toBe(`Another article already uses the slug “${first.slug}”.`);
    expect((await consoleRefusal(saveArticle(agent, secondId, 1, { ...second, slug: first.slug }, "keep"))).code).toBe("ARTICLE_SLUG_TAKEN");
    // `articles/{id|slug}` would answer with either: an id is as taken as a slug.
    expect((await consoleRefusal(saveArticle(agent, secondId, 1, { ...second, slug: firstId }, "keep"))).code).toBe("ARTICLE_SLUG_TAKEN");
    expect(await stored(secondId)).toMatchObject({ slug: second.slug, version: 1 });
    expect(await auditOf(secondId)).toHaveLength(1); // its creation only
  });

  it("refuses a category that does not exist, and an article that does not", async () => {
    const category = await newCategory();
    const agent = await newAgent();
    expect((await consoleRefusal(createArticle(agent, draftIn("no-such-category")))).code).toBe("VALIDATION_FAILED");
    const draft = draftIn(category.id);
    const { id } = await createArticle(agent, draft);
    expect((await consoleRefusal(saveArticle(agent, id, 1, { ...draft, categoryId: "no-such-category" }, "keep"))).code).toBe("VALIDATION_FAILED");
    expect((await consoleRefusal(saveArticle(agent, "no-such-article", 1, draft, "keep"))).code).toBe("NOT_FOUND");
  });

  it("writes nothing, not even an audit entry, for a save that changes nothing", async () => {
    const category = await newCategory();
    const agent = await newAgent();
    const draft = draftIn(category.id);
    const { id } = await createArticle(agent, draft);
    expect(await saveArticle(agent, id, 1, draft, "keep")).toEqual({ version: 1 });
    expect(await saveArticle(agent, id, 1, draft, "unpublish")).toEqual({ version: 1 }); // a draft already
    expect(await auditOf(id)).toHaveLength(1);
  });
});
