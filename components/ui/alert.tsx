import type { ReactNode } from "react";
import { cn } from "./cn";

/** A form-level error, announced to screen readers as soon as it appears. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {children}
    </div>
  );
}

const NOTICE_TONES = {
  info: "border-amber-200 bg-amber-50 text-amber-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
} as const;

/** A calm page-level message (not an error): announced politely when it appears. */
export function Notice({ tone = "info", children, className }: { tone?: keyof typeof NOTICE_TONES; children: ReactNode; className?: string }) {
  return (
    <div role="status" className={cn("rounded-lg border px-4 py-3 text-sm", NOTICE_TONES[tone], className)}>
      {children}
    </div>
  );
}
