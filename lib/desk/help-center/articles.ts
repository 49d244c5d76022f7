import "server-only";
import type { Prisma } from "@prisma/client";
import type { ArticleListQuery } from "@/lib/contract/desk-api/articles";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { searchArticleIds } from "./article-search";
import { PUBLISHED } from "./published";

/** Help-center articles and categories, as the Desk API serves them: published articles only (./published). */

const articleSummary = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  viewCount: true,
  helpfulCount: true,
  notHelpful: true,
  updatedAt: true,
  category: { select: { slug: true, name: true } },
} as const;

export async function listCategories() {
  const categories = await db.category.findMany({
    orderBy: { position: "asc" },
    select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: { where: PUBLISHED } } } },
  });
  return categories.map(({ _count, ...category }) => ({ ...category, articleCount: _count.articles }));
}

export async function listArticles({ category, q, page, pageSize }: ArticleListQuery) {
  if (q) {
    const ids = await searchArticleIds(q, 50);
    const rows = await db.article.findMany({
      where: { id: { in: ids }, ...PUBLISHED, ...(category ? { category: { slug: category } } : {}) },
      select: articleSummary,
    });
    const ranked = ids.map((id) => rows.find((row) => row.id === id)).filter((row) => row !== undefined);
    return { articles: ranked.slice((page - 1) * pageSize, page * pageSize), total: ranked.length, page, pageSize };
  }
  const where = { ...PUBLISHED, ...(category ? { category: { slug: category } } : {}) };
  const [articles, total] = await Promise.all([
    db.article.findMany({ where, select: articleSummary, orderBy: [{ viewCount: "desc" }, { title: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.article.count({ where }),
  ]);
  return { articles, total, page, pageSize };
}

/*
 * Views and votes are counters, not content: they are raised in SQL, past Prisma's @updatedAt, so an
 * article's updatedAt stays the time its content changed (its "Updated …" line, and the search
 * index's stamp, which every view would otherwise make rebuild). Plain statements with bound values
 * only, which both databases' clients run alike.
 */
const countView = (idOrSlug: string) =>
  db.$executeRaw`UPDATE "Article" SET "viewCount" = "viewCount" + 1 WHERE ("id" = ${idOrSlug} OR "slug" = ${idOrSlug}) AND "publishedAt" IS NOT NULL`;

const countVotes = (tx: Prisma.TransactionClient, articleId: string, helpful: number, notHelpful: number) =>
  tx.$executeRaw`UPDATE "Article" SET "helpfulCount" = "helpfulCount" + ${helpful}, "notHelpful" = "notHelpful" + ${notHelpful} WHERE "id" = ${articleId}`;

const noSuchArticle = () => new AsapError("NOT_FOUND", "There is no such article.", "Check the link, or search the help center.");

/** One article by id or slug. Reading counts nothing, so it can be cached: a view is counted apart (countArticleView). */
export async function readArticle(idOrSlug: string) {
  const article = await db.article.findFirst({ where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }], ...PUBLISHED }, select: { ...articleSummary, body: true, publishedAt: true } });
  if (!article?.publishedAt) throw noSuchArticle();
  return { ...article, publishedAt: article.publishedAt };
}

/** Someone read the article (the widget opened it, a help page was shown): one more view. */
export async function countArticleView(idOrSlug: string): Promise<void> {
  if ((await countView(idOrSlug)) === 0) throw noSuchArticle();
}

/**
 * "Was this helpful?" Anyone may vote; a signed-in contact has one vote per article, which a second
 * vote changes rather than adds to.
 */
export async function recordFeedback(articleId: string, helpful: boolean, contactId: string | null) {
  return transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, ...PUBLISHED }, select: { id: true } });
    if (!article) throw noSuchArticle();
    const previous = contactId ? await tx.articleFeedback.findFirst({ where: { articleId, contactId }, select: { id: true, helpful: true } }) : null;
    if (previous) {
      if (previous.helpful !== helpful) {
        await tx.articleFeedback.update({ where: { id: previous.id }, data: { helpful } });
        await countVotes(tx, articleId, helpful ? 1 : -1, helpful ? -1 : 1); // the vote moves from one count to the other
      }
    } else {
      await tx.articleFeedback.create({ data: { articleId, contactId, helpful } });
      await countVotes(tx, articleId, helpful ? 1 : 0, helpful ? 0 : 1);
    }
    return tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { helpfulCount: true, notHelpful: true } });
  });
}
