import Link from "next/link";
import { VerifyEmailBanner } from "@/components/site/verify-email-banner";

/**
 * The ticket pages for a signed-in user whose address is not proved: tickets are found by email, so
 * they stay closed until the user shows the address is theirs.
 */
export function VerifyToSeeTickets({ email }: { email: string }) {
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <p className="text-sm text-slate-500">
        <Link href="/help" className="hover:underline">
          Help center
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">My tickets</h1>
      <VerifyEmailBanner email={email} className="mt-6" />
    </main>
  );
}
