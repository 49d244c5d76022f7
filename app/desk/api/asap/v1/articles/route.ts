import type { NextRequest } from "next/server";
import { articleListQuery, type ArticleListAnswer } from "@/lib/contract/desk-api/articles";
import { handle, publicJson, readQuery } from "@/lib/desk/api/respond";
import { listArticles } from "@/lib/desk/help-center/articles";
import { cachedRead } from "@/lib/desk/help-center/read-cache";

/** GET /desk/api/asap/v1/articles?category=&q=&page=&pageSize= — anyone; `q` ranks by relevance. Public: cached, with an ETag. */
export function GET(request: NextRequest) {
  return handle(async () => {
    const query = readQuery(request.nextUrl, articleListQuery);
    const key = `articles:${JSON.stringify([query.category ?? null, query.q ?? null, query.page, query.pageSize])}`;
    return publicJson(request, await cachedRead<ArticleListAnswer>(key, () => listArticles(query)));
  });
}
