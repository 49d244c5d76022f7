import { handle } from "@/lib/desk/api/respond";
import { countArticleView } from "@/lib/desk/help-center/articles";

/** POST /desk/api/asap/v1/articles/{id or slug}/views — anyone: the article was read once more. No body. */
export function POST(_request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  return handle(async () => {
    await countArticleView((await params).articleId);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}
