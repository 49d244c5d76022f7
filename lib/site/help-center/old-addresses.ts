import { NextResponse } from "next/server";

/**
 * The help center's old addresses, from when /help took its search and category in the query string:
 * /help is now one cached page, the same for everyone, so they move (308) to their own pages.
 */
export function redirectOldHelpAddress(url: URL): NextResponse | undefined {
  if (url.pathname !== "/help") return undefined;
  const q = url.searchParams.get("q")?.trim();
  const category = url.searchParams.get("category") ?? "";
  const target = new URL(url.origin);
  if (q) {
    target.pathname = "/help/search";
    target.searchParams.set("q", q.slice(0, 200));
  } else if (/^[a-z0-9-]{1,64}$/.test(category)) {
    target.pathname = `/help/categories/${category}`;
  } else {
    target.pathname = "/help";
  }
  return NextResponse.redirect(target, 308);
}
