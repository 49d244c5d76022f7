import Link from "next/link";
import { currentUser } from "@/lib/site/current-user";
import { buttonStyles } from "@/components/ui/button-styles";
import { Logo } from "./logo";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await currentUser();
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
            {user ? (
              <Link href="/dashboard" className="hover:text-slate-900">
                Dashboard
              </Link>
            ) : null}
          </div>
        </div>
        {user ? (
          <div className="flex items-center gap-2">
            <Link href="/account" className="text-sm font-medium text-slate-700 hover:text-slate-900" title="Your account">
              {user.name}
            </Link>
            <SignOutButton />
          </div>
        ) : (
          <div className="flex items-center gap-2">
            <Link href="/sign-in" className={buttonStyles("ghost")}>
              Sign in
            </Link>
            <Link href="/sign-up" className={buttonStyles("primary")}>
              Start free
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
