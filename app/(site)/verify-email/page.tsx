import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/site/current-user";
import { LINK_REFUSALS } from "@/lib/site/email-verification/messages";
import { inspectVerificationToken } from "@/lib/site/email-verification/tokens";
import { AuthCard } from "@/components/site/auth-card";
import { ConfirmEmailForm } from "@/components/site/confirm-email-form";
import { ResendLinkForm } from "@/components/site/resend-link-form";
import { SignOutButton } from "@/components/site/sign-out-button";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

/**
 * Where the emailed link lands. Opening it changes nothing (mail scanners open links too): the owner,
 * signed in, confirms with a button. Signed in proves the password as well, so someone who signed up
 * with another person's address cannot have it verified by that person's click.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const link = typeof token === "string" ? token : "";
  const [state, user] = await Promise.all([inspectVerificationToken(link), currentUser()]);
  const own = state.status !== "unknown" && state.userId === user?.id;

  if (user?.emailVerified && own) {
    return (
      <AuthCard title="Your email address is verified" subtitle={`Signed in as ${user.email}.`}>
        <Link href="/dashboard" className={buttonStyles("primary", "w-full")}>
          Go to your dashboard
        </Link>
      </AuthCard>
    );
  }

  if (state.status !== "valid") {
    const refusal = LINK_REFUSALS[state.status];
    return (
      <AuthCard title={refusal.title} subtitle={refusal.detail}>
        {user && !user.emailVerified ? (
          <div className="space-y-3 text-sm text-slate-700">
            <p>We can send a new link to {user.email}.</p>
            <ResendLinkForm label="Send me a new link" />
          </div>
        ) : user ? (
          <Link href="/dashboard" className={buttonStyles("primary", "w-full")}>
            Go to your dashboard
          </Link>
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p>Sign in, and ask for a new link from your dashboard.</p>
            <Link href="/sign-in?callbackUrl=%2Fdashboard" className={buttonStyles("primary", "w-full")}>
              Sign in
            </Link>
          </div>
        )}
      </AuthCard>
    );
  }

  if (!user) {
    const back = `/verify-email?token=${encodeURIComponent(link)}`;
    return (
      <AuthCard title="Sign in to confirm your email address" subtitle="Confirming needs the account's password as well as this link.">
        <div className="space-y-3 text-sm text-slate-700">
          <p>Sign in with the account you just created; you will come back here to confirm.</p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`} className={buttonStyles("primary", "w-full")}>
            Sign in to confirm
          </Link>
        </div>
      </AuthCard>
    );
  }

  if (!own) {
    const refusal = LINK_REFUSALS["other-user"];
    return (
      <AuthCard title={refusal.title} subtitle={refusal.detail}>
        <SignOutButton />
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Confirm your email address" subtitle={`Signed in as ${user.name} (${user.email}).`}>
      <div className="space-y-4 text-sm text-slate-700">
        <p>Confirm that {user.email} is your address, and help will show your tickets.</p>
        <ConfirmEmailForm token={link} />
      </div>
    </AuthCard>
  );
}
