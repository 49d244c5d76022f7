import type { CategoriesAnswer } from "@/lib/contract/desk-api/articles";
import { handle, json } from "@/lib/desk/api/respond";
import { listCategories } from "@/lib/desk/help-center/articles";

/** GET /desk/api/asap/v1/categories — anyone. */
export function GET() {
  return handle(async () => json<CategoriesAnswer>({ categories: await listCategories() }));
}
