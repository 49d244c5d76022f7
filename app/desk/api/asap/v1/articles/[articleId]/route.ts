import type { ArticleAnswer } from "@/lib/contract/desk-api/articles";
import { handle, publicJson } from "@/lib/desk/api/respond";
import { readArticle } from "@/lib/desk/help-center/articles";
import { cachedRead } from "@/lib/desk/help-center/read-cache";

/** GET /desk/api/asap/v1/articles/{id or slug} — anyone. Public: cached, with an ETag; a view is counted by POST …/views. */
export function GET(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  return handle(async () => {
    const idOrSlug = (await params).articleId;
    return publicJson(request, await cachedRead<ArticleAnswer>(`article:${idOrSlug}`, async () => ({ article: await readArticle(idOrSlug) })));
  });
}
