import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { articleForEditing, articleHistory, categoryChoices } from "@/lib/desk/knowledge-base/queries";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { ArticleEditor } from "@/components/desk/article-editor";
import { ArticleHistory } from "@/components/desk/article-history";
import { ArticleState } from "@/components/desk/article-state";
import { ArticleBody } from "@/components/ui/article-body";

export const metadata: Metadata = { title: "Edit article" };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function EditArticlePage({ params }: { params: Promise<{ articleId: string }> }) {
  await requireAgent();
  const { articleId } = await params;
  const [article, categories, history] = await Promise.all([articleForEditing(articleId), categoryChoices(), articleHistory(articleId)]);
  if (!article) notFound();
  const published = article.publishedAt !== null;
  return (
    <main className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">
          <Link href="/desk/agent/articles" className="hover:underline">
            Articles
          </Link>
        </p>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-bold tracking-tight">
          {article.title} <ArticleState published={published} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {article.publishedAt ? (
            <>
              On the help center since {date.format(article.publishedAt)} at <code>/help/articles/{article.slug}</code> · {article.viewCount} views ·{" "}
              {article.helpfulCount} found it helpful, {article.notHelpful} did not
            </>
          ) : (
            "A draft: only agents see it until it is published."
          )}
        </p>
      </header>
      <ArticleEditor
        categories={categories}
        article={{ id: article.id, title: article.title, slug: article.slug, summary: article.summary, body: article.body, categoryId: article.categoryId, version: article.version, published }}
        initialPreview={<ArticleBody text={article.body} />}
      />
      <ArticleHistory entries={history} />
    </main>
  );
}
