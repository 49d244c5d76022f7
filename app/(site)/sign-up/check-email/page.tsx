import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/shared/env";
import { signUpEmail } from "@/lib/site/email-verification/check-email-cookie";
import { AuthCard } from "@/components/site/auth-card";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Check your email" };

/** Where every sign-up lands, whatever became of the address: it must not tell them apart. */
export default async function CheckEmailPage() {
  const email = await signUpEmail();
  return (
    <AuthCard title="Check your email" subtitle="One more step to finish signing up.">
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          We sent a link to {email ? <span className="font-medium text-slate-900">{email}</span> : "the address you entered"}. Open it to confirm
          your address. It can take a minute to arrive; also check your spam folder.
        </p>
        <p>
          You can sign in meanwhile. Until you confirm, help treats you as a guest and cannot show your tickets.
        </p>
        <Link href="/sign-in" className={buttonStyles("primary", "w-full")}>
          Sign in
        </Link>
        {env.MAIL_CATCHER_URL ? (
          <p className="border-t border-slate-100 pt-4 text-slate-500">
            Demo:{" "}
            <Link href="/dev/mailbox" className="font-medium text-brand-600 hover:underline">
              open the mailbox
            </Link>{" "}
            to read the emails this site sent.
          </p>
        ) : null}
      </div>
    </AuthCard>
  );
}
