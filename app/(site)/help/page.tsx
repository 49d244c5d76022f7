import type { Metadata } from "next";
import { ArticleList } from "@/components/site/help/article-list";
import { HelpCenterTop } from "@/components/site/help/help-center-top";
import { isBuildPrerender } from "@/lib/site/help-center/build-phase";
import { listArticles, listCategories } from "@/lib/site/help-center/queries";

export const metadata: Metadata = { title: "Help center" };

// Served from the cache (lib/site/help-center/page-cache.mjs), which drops it when the Desk's
// content changes; rendered again every 300 s at most, for the view counts that order it.
export const revalidate = 300;

export default async function HelpPage() {
  const [categories, popular] = isBuildPrerender() ? [[], { articles: [] }] : await Promise.all([listCategories(), listArticles({ pageSize: 8 })]);
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <HelpCenterTop categories={categories} />
      <h2 className="mt-10 mb-4 text-lg font-semibold">Popular articles</h2>
      <ArticleList articles={popular.articles} empty="No articles here yet." />
    </main>
  );
}
