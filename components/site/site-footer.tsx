import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-6 py-8 text-sm text-slate-500 sm:flex-row sm:justify-between">
        <p>© Northwind Cloud, a sample business for asap-jwt-helpcenter.</p>
        <div className="flex gap-4">
          <Link href="/pricing" className="hover:text-slate-800">
            Pricing
          </Link>
          <Link href="/desk" prefetch={false} className="hover:text-slate-800">
            Desk simulator
          </Link>
        </div>
      </div>
    </footer>
  );
}
