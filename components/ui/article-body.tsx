import { cn } from "./cn";
import { MarkdownText } from "./markdown-text";

/**
 * An article's body as the help center shows it. The agent console's preview renders this same
 * component on the server, so what an agent previews is what readers get, sanitised the same way.
 */
export function ArticleBody({ text, className }: { text: string; className?: string }) {
  return <MarkdownText text={text} className={cn("space-y-4 leading-7 text-slate-800 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6", className)} />;
}
