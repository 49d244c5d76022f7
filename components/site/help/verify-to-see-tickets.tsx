import { VerifyEmailBanner } from "@/components/site/verify-email-banner";
import { HelpPageHeading } from "@/components/site/help/page-heading";

/**
 * The ticket pages for a signed-in user whose address is not proved: tickets are found by email, so
 * they stay closed until the user shows the address is theirs.
 */
export function VerifyToSeeTickets({ email }: { email: string }) {
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <HelpPageHeading back={{ href: "/help", label: "Help center" }} title="My tickets" />
      <VerifyEmailBanner email={email} className="mt-6" />
    </main>
  );
}
