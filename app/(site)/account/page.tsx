import type { Metadata } from "next";
import { requireUser } from "@/lib/site/current-user";
import { VerifyEmailBanner } from "@/components/site/verify-email-banner";

export const metadata: Metadata = { title: "Account" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long" });

export default async function AccountPage() {
  const user = await requireUser("/account");
  const rows: Array<[string, string]> = [
    ["Name", user.name],
    ["Email", user.email],
    ["Email verified", user.emailVerified ? `Yes, on ${dateFormat.format(user.emailVerified)}` : "Not yet"],
    ["Member since", dateFormat.format(user.createdAt)],
  ];
  return (
    <main className="mx-auto max-w-2xl px-6 py-12">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      {!user.emailVerified ? <VerifyEmailBanner email={user.email} className="mt-6" /> : null}
      <dl className="mt-8 divide-y divide-slate-100 rounded-2xl border border-slate-200">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-3 gap-4 px-5 py-4 text-sm">
            <dt className="text-slate-500">{label}</dt>
            <dd className="col-span-2 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
