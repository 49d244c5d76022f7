"use client";

import Link from "next/link";

/** The Desk could not be reached or answered oddly: say so plainly, and offer a retry. */
export default function HelpError({ reset }: { reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="text-2xl font-bold">The help center is not answering right now</h1>
      <p className="mt-2 text-slate-600">Please try again in a moment. Your tickets are safe.</p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="px-4 py-2 font-medium text-brand-600">
          Home
        </Link>
      </div>
    </main>
  );
}
