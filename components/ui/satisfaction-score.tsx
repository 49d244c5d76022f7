import { oneOf, SATISFACTION_SCORES, type SatisfactionScore as Score } from "@/lib/contract/vocabulary";
import { cn } from "./cn";

const LABELS: Record<Score, [string, string]> = {
  good: ["Good", "bg-emerald-50 text-emerald-700 ring-emerald-200"],
  okay: ["Okay", "bg-amber-50 text-amber-800 ring-amber-200"],
  bad: ["Bad", "bg-rose-50 text-rose-700 ring-rose-200"],
};

/** A satisfaction score as a labelled badge: the word carries the meaning, the colour only repeats it. */
export function SatisfactionScore({ score }: { score: string }) {
  const known = oneOf(SATISFACTION_SCORES, score);
  const [label, style] = known ? LABELS[known] : [score, "bg-slate-100 text-slate-600 ring-slate-200"];
  return <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", style)}>{label}</span>;
}
