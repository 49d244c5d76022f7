import type { CategoriesAnswer } from "@/lib/contract/desk-api/articles";
import { handle, publicJson } from "@/lib/desk/api/respond";
import { listCategories } from "@/lib/desk/help-center/articles";
import { cachedRead } from "@/lib/desk/help-center/read-cache";

/** GET /desk/api/asap/v1/categories — anyone. Public: cached, with an ETag. */
export function GET(request: Request) {
  return handle(async () => publicJson(request, await cachedRead<CategoriesAnswer>("categories", async () => ({ categories: await listCategories() }))));
}
