"use server";

import type { ReactNode } from "react";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { ArticleBody } from "@/components/ui/article-body";
import { ARTICLE_LIMITS } from "./article-draft";

/**
 * The editor's live preview: the body rendered on the server by the component the help center's
 * article page uses (markdown-it, then DOMPurify), so the preview can run no more script than the
 * published page could. Returned as a rendered element, never as HTML for the browser to insert.
 */
export async function previewArticleAction(body: string): Promise<ReactNode> {
  await requireAgent();
  const text = typeof body === "string" ? body.slice(0, ARTICLE_LIMITS.body) : "";
  return <ArticleBody text={text} />;
}
