import type { Metadata } from "next";
import Link from "next/link";
import { listArticles, listCategories } from "@/lib/site/help-center/queries";
import { ArticleList } from "@/components/site/help/article-list";
import { HelpSearchForm } from "@/components/site/help/search-form";

export const metadata: Metadata = { title: "Help center" };

export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string; category?: string }> }) {
  const { q, category } = await searchParams;
  const query = q?.trim().slice(0, 200) || undefined;
  const categorySlug = category && /^[a-z0-9-]{1,64}$/.test(category) ? category : undefined;
  const [categories, results] = await Promise.all([listCategories(), listArticles({ q: query, category: categorySlug, pageSize: query ? 20 : 8 })]);
  const current = categories.find((c) => c.slug === categorySlug);
  const heading = query ? `Results for “${query}”` : current ? current.name : "Popular articles";

  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">How can we help?</h1>
          <p className="mt-1 text-slate-600">Guides and answers for Northwind Cloud.</p>
        </div>
        <Link href="/help/tickets" className="text-sm font-medium text-brand-600 hover:underline">
          My tickets →
        </Link>
      </div>
      <div className="mt-6">
        <HelpSearchForm defaultValue={query} />
      </div>
      <nav aria-label="Categories" className="mt-8 flex flex-wrap gap-2">
        {categories.map((c) => (
          <Link
            key={c.id}
            href={`/help?category=${c.slug}`}
            aria-current={c.slug === categorySlug ? "page" : undefined}
            className="rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 hover:border-brand-500 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
          >
            {c.name} <span className="text-slate-500">{c.articleCount}</span>
          </Link>
        ))}
      </nav>
      <h2 className="mt-10 mb-4 text-lg font-semibold">{heading}</h2>
      <ArticleList articles={results.articles} empty={query ? "No article matches that search. Try other words, or ask us in a ticket." : "No articles here yet."} />
    </main>
  );
}
