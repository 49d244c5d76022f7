import { z } from "zod";
import type { IsoDateTime, Page } from "./common";

/** The knowledge base: `categories`, `articles?category=&q=&page=&pageSize=`, `articles/{id|slug}`, `articles/{id}/feedback`. */
export const articleListQuery = z.object({
  category: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: "must be a category slug" }).optional(),
  q: z.string().trim().min(1).max(200, { error: "keep searches under 200 characters" }).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const feedbackBody = z.object({ helpful: z.boolean({ error: "must be true or false" }) }).strict();

export type Category = { id: string; slug: string; name: string; description: string; articleCount: number };

export type ArticleSummary = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  viewCount: number;
  helpfulCount: number;
  notHelpful: number;
  updatedAt: IsoDateTime;
  category: { slug: string; name: string };
};

/** `body` is the markdown subset; render it through lib/shared/content/render-markdown. */
export type Article = ArticleSummary & { body: string; publishedAt: IsoDateTime };

export type CategoriesAnswer = { categories: Category[] };
/** With `q`, ranked by relevance; otherwise the most read first. */
export type ArticleListAnswer = Page & { articles: ArticleSummary[] };
export type ArticleAnswer = { article: Article };
export type FeedbackAnswer = { feedback: { helpfulCount: number; notHelpful: number } };
