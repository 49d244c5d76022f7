import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: { default: "Desk simulator", template: "%s · Desk simulator" } };

export default function DeskLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-3">
          <Link href="/desk" className="font-semibold">
            Desk simulator <span className="font-normal text-slate-300">· ASAP add-ons</span>
          </Link>
          <Link href="/" className="text-sm text-slate-300 hover:text-white">
            Business site →
          </Link>
        </div>
      </header>
      {children}
    </div>
  );
}
