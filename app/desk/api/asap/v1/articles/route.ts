import type { NextRequest } from "next/server";
import { articleListQuery, type ArticleListAnswer } from "@/lib/contract/desk-api/articles";
import { handle, json, readQuery } from "@/lib/desk/api/respond";
import { listArticles } from "@/lib/desk/help-center/articles";

/** GET /desk/api/asap/v1/articles?category=&q=&page=&pageSize= — anyone; `q` ranks by relevance. */
export function GET(request: NextRequest) {
  return handle(async () => json<ArticleListAnswer>(await listArticles(readQuery(request.nextUrl, articleListQuery))));
}
