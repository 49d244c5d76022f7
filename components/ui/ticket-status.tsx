import { oneOf, TICKET_STATUSES, type TicketStatus as Status } from "@/lib/contract/vocabulary";
import { cn } from "./cn";

const LABELS: Record<Status, [string, string]> = {
  open: ["Open", "bg-emerald-50 text-emerald-700 ring-emerald-200"],
  on_hold: ["Waiting on you", "bg-amber-50 text-amber-800 ring-amber-200"],
  closed: ["Closed", "bg-slate-100 text-slate-600 ring-slate-200"],
};

export function TicketStatus({ status }: { status: string }) {
  const known = oneOf(TICKET_STATUSES, status);
  const [label, style] = known ? LABELS[known] : [status, "bg-slate-100 text-slate-600 ring-slate-200"];
  return <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", style)}>{label}</span>;
}
