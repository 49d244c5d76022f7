import { z } from "zod";
import { count, isoDateTime, pageQuery, paging } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/** The knowledge base: `categories`, `articles?category=&q=&page=&pageSize=`, `articles/{id|slug}`, `articles/{id}/feedback`, `content-version`. */
export const articleListQuery = z.object({
  category: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: "must be a category slug" }).optional(),
  q: z.string().trim().min(1).max(200, { error: "keep searches under 200 characters" }).optional(),
  ...pageQuery,
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const feedbackBody = z
  .object({ helpful: z.boolean({ error: "must be true or false" }) })
  .strict()
  .register(requestShapes, { id: "FeedbackBody" });

export const category = z
  .strictObject({ id: z.string(), slug: z.string(), name: z.string(), description: z.string(), articleCount: count })
  .register(answerShapes, { id: "Category" });
export type Category = z.infer<typeof category>;

export const articleSummary = z
  .strictObject({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    viewCount: count,
    helpfulCount: count,
    notHelpful: count,
    updatedAt: isoDateTime,
    category: z.strictObject({ slug: z.string(), name: z.string() }),
  })
  .register(answerShapes, { id: "ArticleSummary" });
export type ArticleSummary = z.infer<typeof articleSummary>;

/** `body` is the markdown subset; render it through lib/shared/content/render-markdown. */
export const article = articleSummary.extend({ body: z.string(), publishedAt: isoDateTime }).register(answerShapes, { id: "Article" });
export type Article = z.infer<typeof article>;

export const categoriesAnswer = z.strictObject({ categories: z.array(category) }).register(answerShapes, { id: "CategoriesAnswer" });
export type CategoriesAnswer = z.infer<typeof categoriesAnswer>;

/** With `q`, ranked by relevance; otherwise the most read first. */
export const articleListAnswer = paging.extend({ articles: z.array(articleSummary) }).register(answerShapes, { id: "ArticleListAnswer" });
export type ArticleListAnswer = z.infer<typeof articleListAnswer>;

export const articleAnswer = z.strictObject({ article }).register(answerShapes, { id: "ArticleAnswer" });
export type ArticleAnswer = z.infer<typeof articleAnswer>;

export const feedbackAnswer = z
  .strictObject({ feedback: z.strictObject({ helpfulCount: count, notHelpful: count }) })
  .register(answerShapes, { id: "FeedbackAnswer" });
export type FeedbackAnswer = z.infer<typeof feedbackAnswer>;

/**
 * An opaque version of the published content (articles and categories): it changes with every edit,
 * new or removed article or category, on any instance. A cache of help pages compares it to know
 * when to render them again; view and vote counters do not change it.
 */
export const contentVersionAnswer = z.strictObject({ version: z.string() }).register(answerShapes, { id: "ContentVersionAnswer" });
export type ContentVersionAnswer = z.infer<typeof contentVersionAnswer>;
