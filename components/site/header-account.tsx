"use client";

import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { SignOutButton } from "./sign-out-button";
import { useVisitor } from "./visitor-context";

// Signed-in pages are rendered per request: prefetched on every page view, they would cost the
// server a render each, in the very moment the page and its widget load.
export function HeaderDashboardLink() {
  const { visitor } = useVisitor();
  if (!visitor?.user) return null;
  return (
    <Link href="/dashboard" prefetch={false} className="hover:text-slate-900">
      Dashboard
    </Link>
  );
}

/** The header's right side: the user and a sign-out, or the ways in; a quiet placeholder until known. */
export function HeaderAccount() {
  const { visitor } = useVisitor();
  if (!visitor) return <div aria-hidden className="h-9 w-40" />;
  if (visitor.user) {
    return (
      <div className="flex items-center gap-2">
        <Link href="/account" prefetch={false} className="text-sm font-medium text-slate-700 hover:text-slate-900" title="Your account">
          {visitor.user.name}
        </Link>
        <SignOutButton />
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2">
      <Link href="/sign-in" className={buttonStyles("ghost")}>
        Sign in
      </Link>
      <Link href="/sign-up" className={buttonStyles("primary")}>
        Start free
      </Link>
    </div>
  );
}
