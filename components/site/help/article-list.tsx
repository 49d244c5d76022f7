import Link from "next/link";
import type { ArticleSummary } from "@/lib/contract/desk-api/articles";

export function ArticleList({ articles, empty }: { articles: ArticleSummary[]; empty: string }) {
  if (articles.length === 0) return <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
      {articles.map((article) => (
        <li key={article.id}>
          <Link href={`/help/articles/${article.slug}`} className="block px-5 py-4 hover:bg-slate-50">
            <span className="font-medium text-slate-900">{article.title}</span>
            <span className="mt-0.5 block text-sm text-slate-600">{article.summary}</span>
            <span className="mt-1 block text-xs text-slate-500">{article.category.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
