import Link from "next/link";

/** Report-only mode at a glance: whether it is on, and how many logins it let through as guests. */
export function ReportOnlySummary({ on, refusals, addonId }: { on: boolean; refusals: number; addonId: string }) {
  if (!on && refusals === 0) return null;
  const logins = refusals === 1 ? "1 login" : `${refusals} logins`;
  return (
    <p role="status" aria-label="Report-only mode" className="mt-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {on ? <strong className="font-semibold">Report-only mode is on. </strong> : null}
      {logins} in the last 24 hours would have failed in report-only mode; {refusals === 1 ? "that person" : "those people"} stayed guests.{" "}
      {refusals > 0 ? (
        <Link href={`/desk/admin/addons/${addonId}?outcome=failure#log`} className="font-medium underline">
          See why in the login log
        </Link>
      ) : null}
    </p>
  );
}
