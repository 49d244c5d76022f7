import { countArticleView } from "@/lib/site/help-center/article-views";

/** POST /help/articles/{slug}/views — the article page's beacon: one view, counted at the Desk. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return countArticleView(request, (await params).slug);
}
