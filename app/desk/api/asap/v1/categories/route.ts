import { handle, json } from "@/lib/desk/api/respond";
import { listCategories } from "@/lib/desk/help-center/articles";

/** GET /desk/api/asap/v1/categories — anyone. */
export function GET() {
  return handle(async () => json({ categories: await listCategories() }));
}
