import type { Metadata } from "next";
import Link from "next/link";
import { categoryChoices } from "@/lib/desk/knowledge-base/queries";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { ArticleEditor } from "@/components/desk/article-editor";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requireAgent();
  const categories = await categoryChoices();
  return (
    <main>
      <p className="text-sm text-slate-500">
        <Link href="/desk/agent/articles" className="hover:underline">
          Articles
        </Link>
      </p>
      <h1 className="mt-1 mb-6 text-2xl font-bold tracking-tight">New article</h1>
      <ArticleEditor categories={categories} initialPreview={null} />
    </main>
  );
}
