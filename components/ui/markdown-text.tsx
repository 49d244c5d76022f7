import { renderMarkdown } from "@/lib/shared/content/render-markdown";
import { cn } from "./cn";

/**
 * User or article text as the markdown subset. The one place that sets inner HTML, and it only ever
 * sets renderMarkdown's output (markdown-it without raw HTML, then DOMPurify).
 */
export function MarkdownText({ text, className }: { text: string; className?: string }) {
  return (
    <div
      className={cn("space-y-2 [&_a]:text-brand-600 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1", className)}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
    />
  );
}
