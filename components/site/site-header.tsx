import Link from "next/link";
import { HeaderAccount, HeaderDashboardLink } from "./header-account";
import { Logo } from "./logo";

/** The same for everyone, so pages can be cached: who is signed in is filled in by the browser. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-6 py-4">
        <div className="flex items-center gap-8">
          <Logo />
          <div className="hidden items-center gap-6 text-sm font-medium text-slate-600 sm:flex">
            <Link href="/pricing" className="hover:text-slate-900">
              Pricing
            </Link>
            <Link href="/help" className="hover:text-slate-900">
              Help
            </Link>
            <HeaderDashboardLink />
          </div>
        </div>
        <HeaderAccount />
      </nav>
    </header>
  );
}
