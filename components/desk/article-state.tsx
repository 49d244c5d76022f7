import { cn } from "@/components/ui/cn";

/** Draft or published, as a badge: the one thing an agent must never be unsure of. */
export function ArticleState({ published }: { published: boolean }) {
  return (
    <span
      className={cn(
        "inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        published ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-amber-50 text-amber-800 ring-amber-200",
      )}
    >
      {published ? "Published" : "Draft"}
    </span>
  );
}
