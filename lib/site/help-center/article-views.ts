import "server-only";
import { isSameOriginRequest } from "@/lib/shared/same-origin";
import { refuse } from "@/lib/site/asap/api-guard";
import { deskApi, DeskApiError } from "./desk-api";

/** A help page's view of an article, passed on to the Desk; only from the site's own pages. */
export async function countArticleView(request: Request, slug: string): Promise<Response> {
  if (!isSameOriginRequest(request)) return refuse("FORBIDDEN", "Views are counted from the site's own pages.", "Open the article on this site.");
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return refuse("NOT_FOUND", "There is no such article.", "Check the link, or search the help center.");
  try {
    await deskApi<null>(`articles/${slug}/views`, { method: "POST", cache: "no-store" });
  } catch (error) {
    if (error instanceof DeskApiError && error.status === 404) return refuse("NOT_FOUND", "There is no such article.", "Check the link, or search the help center.");
    throw error;
  }
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
