import type { ContentVersionAnswer } from "@/lib/contract/desk-api/articles";
import { handle, json } from "@/lib/desk/api/respond";
import { contentVersion } from "@/lib/desk/help-center/read-cache";

/** GET /desk/api/asap/v1/content-version — anyone. Never cached: it is what caches ask to stay fresh. */
export function GET() {
  return handle(async () => json<ContentVersionAnswer>({ version: await contentVersion() }));
}
