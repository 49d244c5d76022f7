import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArticleList } from "@/components/site/help/article-list";
import { HelpCenterTop } from "@/components/site/help/help-center-top";
import { listArticles, listCategories } from "@/lib/site/help-center/queries";

export const metadata: Metadata = { title: "Search · Help center" };

/** Rendered per request (any words anyone types); the Desk caches the searches themselves. */
export default async function HelpSearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 200);
  if (!query) redirect("/help");
  const [categories, results] = await Promise.all([listCategories(), listArticles({ q: query, pageSize: 20 })]);
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <HelpCenterTop categories={categories} query={query} />
      <h2 className="mt-10 mb-4 text-lg font-semibold">Results for “{query}”</h2>
      <ArticleList articles={results.articles} empty="No article matches that search. Try other words, or ask us in a ticket." />
    </main>
  );
}
