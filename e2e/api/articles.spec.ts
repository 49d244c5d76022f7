import { expect, test } from "../fixtures";
import { e2eDatabase } from "../support/database";

const API = "/desk/api/asap/v1";
type Summary = { id: string; slug: string; viewCount: number; helpfulCount: number; notHelpful: number; category: { slug: string } };

test.describe("help-center articles (anyone may read, search and vote)", () => {
  test("lists categories with their article counts, and articles by category, page by page", async ({ request }) => {
    const { categories } = (await (await request.get(`${API}/categories`)).json()) as { categories: Array<{ slug: string; articleCount: number }> };
    expect(categories.map((c) => c.slug)).toEqual(["getting-started", "deployments", "domains-networking", "billing", "account-security"]);
    expect(categories.reduce((sum, c) => sum + c.articleCount, 0)).toBeGreaterThanOrEqual(20);

    const first = (await (await request.get(`${API}/articles?category=deployments&pageSize=2`)).json()) as { articles: Summary[]; total: number };
    const second = (await (await request.get(`${API}/articles?category=deployments&pageSize=2&page=2`)).json()) as { articles: Summary[] };
    expect(first.total).toBe(5);
    expect(first.articles).toHaveLength(2);
    expect([...first.articles, ...second.articles].every((a) => a.category.slug === "deployments")).toBe(true);
    expect(new Set([...first.articles, ...second.articles].map((a) => a.id)).size).toBe(4);
  });

  test("searches with ranked, typo-tolerant results", async ({ request }) => {
    const search = async (q: string) =>
      ((await (await request.get(`${API}/articles?q=${encodeURIComponent(q)}`)).json()) as { articles: Summary[] }).articles.map((a) => a.slug);
    expect((await search("certificate pending"))[0]).toBe("certificate-pending");
    expect((await search("custm domain"))[0]).toBe("add-a-custom-domain");
    expect(await search("roll back")).toContain("roll-back-a-release");
    expect(await search("zzzqqq")).toEqual([]);
  });

  test("reads are public and cached with an ETag, fresh after an edit; a view is counted apart", async ({ request }) => {
    const get = (key: string, headers: Record<string, string> = {}) => request.get(`${API}/articles/${key}`, { headers });
    const read = async (key: string) => ((await (await get(key)).json()) as { article: Summary & { title: string; body: string } }).article;
    const first = await get("scheduled-jobs");
    expect(first.headers()["cache-control"]).toBe("public, max-age=30");
    const etag = first.headers().etag ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await get("scheduled-jobs", { "if-none-match": etag })).status()).toBe(304);

    const version = async () => ((await (await request.get(`${API}/content-version`)).json()) as { version: string }).version;
    const versionBefore = await version();

    // Reading counts nothing; the view is its own call, and no change of content.
    const before = await read("scheduled-jobs");
    expect((await read(before.id)).viewCount).toBe(before.viewCount);
    expect((await request.post(`${API}/articles/${before.id}/views`)).status()).toBe(204);
    expect((await e2eDatabase().article.findUniqueOrThrow({ where: { id: before.id } })).viewCount).toBe(before.viewCount + 1);
    expect(before.body).toContain("cron");
    expect(await version()).toBe(versionBefore);

    // An edit (here, straight in the database, as another instance would make it) is seen at once.
    await e2eDatabase().article.update({ where: { id: before.id }, data: { title: `${before.title} (edited)` } });
    const edited = await get("scheduled-jobs", { "if-none-match": etag });
    expect(edited.status()).toBe(200);
    expect(((await edited.json()) as { article: { title: string } }).article.title).toBe(`${before.title} (edited)`);
    expect(await version()).not.toBe(versionBefore);
    await e2eDatabase().article.update({ where: { id: before.id }, data: { title: before.title } });

    for (const missing of [await get("no-such-article"), await request.post(`${API}/articles/no-such-article/views`)]) {
      expect(missing.status()).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });

  test("takes anonymous votes, and refuses a bad vote or a dead session", async ({ request }) => {
    const { article } = (await (await request.get(`${API}/articles/audit-log`)).json()) as { article: Summary };
    const vote = (helpful: unknown, headers: Record<string, string> = {}) =>
      request.post(`${API}/articles/${article.id}/feedback`, { data: { helpful }, headers });
    type Counts = { feedback: { helpfulCount: number; notHelpful: number } };

    const anonymous = (await (await vote(true)).json()) as Counts;
    expect(anonymous.feedback.helpfulCount).toBe(article.helpfulCount + 1);

    // A contact's one changeable vote: articles.int.test.ts.
    expect((await vote("yes")).status()).toBe(400);
    expect((await vote(true, { authorization: "Bearer not-a-live-session-token-000" })).status()).toBe(401);
  });

  test("refuses bad queries with VALIDATION_FAILED", async ({ request }) => {
    for (const query of ["pageSize=500", "page=0", `q=${"x".repeat(201)}`, "category=Not%20A%20Slug"]) {
      const response = await request.get(`${API}/articles?${query}`);
      expect(response.status(), query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    }
  });
});
