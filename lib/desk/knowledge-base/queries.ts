import "server-only";
import { listAudit } from "@/lib/desk/audit";
import { db } from "@/lib/shared/db";

/** What the console's article pages read: every article, drafts too, straight from the database (never cached). */

export function categoryChoices() {
  return db.category.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } });
}

/** Each category with its articles, drafts and published, by title. */
export function articlesByCategory() {
  return db.category.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      name: true,
      articles: { orderBy: { title: "asc" }, select: { id: true, title: true, slug: true, publishedAt: true, updatedAt: true, viewCount: true } },
    },
  });
}

export function articleForEditing(articleId: string) {
  return db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      slug: true,
      summary: true,
      body: true,
      categoryId: true,
      publishedAt: true,
      version: true,
      updatedAt: true,
      viewCount: true,
      helpfulCount: true,
      notHelpful: true,
    },
  });
}
export type ArticleForEditing = NonNullable<Awaited<ReturnType<typeof articleForEditing>>>;

/** Who created, edited, moved, published or unpublished the article, newest first. */
export const articleHistory = (articleId: string) => listAudit(`article:${articleId}`);
