import Link from "next/link";
import type { Category } from "@/lib/contract/desk-api/articles";
import { HelpSearchForm } from "./search-form";

/** The top of the help center's pages: the greeting, the search box and the categories. */
export function HelpCenterTop({ categories, currentSlug, query }: { categories: Category[]; currentSlug?: string; query?: string }) {
  return (
    <>
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
            href={`/help/categories/${c.slug}`}
            aria-current={c.slug === currentSlug ? "page" : undefined}
            className="rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 hover:border-brand-500 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700"
          >
            {c.name} <span className="text-slate-500">{c.articleCount}</span>
          </Link>
        ))}
      </nav>
    </>
  );
}
