import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/site/help/article-list";
import { HelpCenterTop } from "@/components/site/help/help-center-top";
import { listArticles, listCategories } from "@/lib/site/help-center/queries";

type Props = { params: Promise<{ slug: string }> };

// Cached as /help is (see there); each category on its first request.
export const revalidate = 300;
export async function generateStaticParams() {
  return [];
}

async function findCategory(slug: string) {
  return (await listCategories()).find((c) => c.slug === slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await findCategory((await params).slug);
  return { title: category ? `${category.name} · Help center` : "Category not found" };
}

export default async function CategoryPage({ params }: Props) {
  const { slug } = await params;
  const categories = await listCategories();
  const current = categories.find((c) => c.slug === slug);
  // Only a real category is listed: an invented slug costs no Desk read and no cache entry.
  if (!current) notFound();
  const list = await listArticles({ category: current.slug, pageSize: 50 });
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <HelpCenterTop categories={categories} currentSlug={slug} />
      <h2 className="mt-10 mb-4 text-lg font-semibold">{current.name}</h2>
      <ArticleList articles={list.articles} empty="No articles here yet." />
    </main>
  );
}
