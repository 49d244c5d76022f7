import type { ArticleAnswer } from "@/lib/contract/desk-api/articles";
import { handle, json } from "@/lib/desk/api/respond";
import { readArticle } from "@/lib/desk/help-center/articles";

/** GET /desk/api/asap/v1/articles/{id or slug} — anyone; counts a view. */
export function GET(_request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  return handle(async () => json<ArticleAnswer>({ article: await readArticle((await params).articleId) }));
}
