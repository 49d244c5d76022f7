import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticle } from "@/lib/site/help-center/queries";
import { ArticleBody } from "@/components/ui/article-body";
import { CountArticleView } from "@/components/site/help/count-article-view";

type Props = { params: Promise<{ slug: string }> };

// Cached as /help is (see there): each article on its first request; its views are counted by a beacon.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  return { title: article ? article.title : "Article not found" };
}

const date = new Intl.DateTimeFormat("en", { dateStyle: "long" });

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/help" className="hover:underline">
          Help center
        </Link>{" "}
        ›{" "}
        <Link href={`/help/categories/${article.category.slug}`} className="hover:underline">
          {article.category.name}
        </Link>
      </nav>
      <article className="mt-4">
        <h1 className="text-3xl font-bold tracking-tight">{article.title}</h1>
        <p className="mt-2 text-slate-600">{article.summary}</p>
        <ArticleBody text={article.body} className="mt-8" />
        <p className="mt-10 text-sm text-slate-500">Updated {date.format(new Date(article.updatedAt))}</p>
      </article>
      <CountArticleView slug={article.slug} />
    </main>
  );
}
