import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/shared/env";
import { readMailbox } from "@/lib/site/dev-mailbox";
import { MailText } from "@/components/site/mail-text";

export const metadata: Metadata = { title: "Demo mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/** Demo only (MAIL_CATCHER_URL set): the emails the site sent, as the local mail catcher caught them. */
export default async function MailboxPage() {
  const mailbox = await readMailbox();
  if (mailbox.status === "off") notFound();
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-bold tracking-tight">Demo mailbox</h1>
      <p className="mt-1 text-slate-600">
        Every email this site sends goes to a local mail catcher instead of the internet. Newest first; reload to see new mail.
      </p>
      {mailbox.status === "unreachable" ? (
        <p className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">
          The mail catcher is not running at {mailbox.url}. Start the demo with <code className="font-mono">npm run demo</code>, which starts it
          too.
        </p>
      ) : mailbox.messages.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">
          No mail yet. Sign up, and the verification email shows up here.
        </p>
      ) : (
        <ul className="mt-8 space-y-4" aria-label="Emails">
          {mailbox.messages.map((mail) => (
            <li key={mail.id}>
              <article aria-label={mail.subject} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
                <header className="mb-3 border-b border-slate-100 pb-3">
                  <h2 className="font-semibold">{mail.subject}</h2>
                  <p className="text-sm text-slate-500">
                    To {mail.to.join(", ")} · {time.format(new Date(mail.date))}
                  </p>
                </header>
                <MailText text={mail.text} siteOrigin={env.SITE_URL} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
