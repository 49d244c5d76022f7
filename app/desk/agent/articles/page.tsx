import type { Metadata } from "next";
import Link from "next/link";
import { articlesByCategory } from "@/lib/desk/knowledge-base/queries";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { ArticleState } from "@/components/desk/article-state";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Articles" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function ArticlesPage() {
  await requireAgent();
  const categories = await articlesByCategory();
  return (
    <main>
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Articles</h1>
        <Link href="/desk/agent/articles/new" className={buttonStyles("primary")}>
          New article
        </Link>
      </div>
      <p className="mt-2 text-sm text-slate-600">Drafts are seen only here; published articles are on the help center and in the widget.</p>
      {categories.map((category) => (
        <table key={category.id} className="mt-8 w-full text-left text-sm">
          <caption className="pb-2 text-left text-lg font-semibold">{category.name}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">Title</th>
              <th className="w-28 py-2 font-medium">State</th>
              <th className="w-20 py-2 text-right font-medium">Views</th>
              <th className="w-48 py-2 pl-6 font-medium">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {category.articles.map((article) => (
              <tr key={article.id}>
                <td className="py-2">
                  <Link href={`/desk/agent/articles/${article.id}`} className="font-medium text-brand-700 hover:underline">
                    {article.title}
                  </Link>
                </td>
                <td className="py-2">
                  <ArticleState published={article.publishedAt !== null} />
                </td>
                <td className="py-2 text-right tabular-nums">{article.viewCount}</td>
                <td className="py-2 pl-6 whitespace-nowrap">{time.format(article.updatedAt)}</td>
              </tr>
            ))}
            {category.articles.length === 0 ? (
              <tr>
                <td colSpan={4} className="py-2 text-slate-500">
                  No articles yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ))}
    </main>
  );
}
