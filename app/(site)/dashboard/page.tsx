import type { Metadata } from "next";
import { requireUser } from "@/lib/site/current-user";
import { VerifyEmailBanner } from "@/components/site/verify-email-banner";
import { Notice } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Dashboard" };

// Illustrative numbers: the business site is a stage for the help center, not a hosting product.
const apps = [
  { name: "storefront-web", region: "eu-west", status: "Healthy", requests: "1.2M / day" },
  { name: "orders-api", region: "eu-west", status: "Healthy", requests: "640k / day" },
  { name: "nightly-reports", region: "us-east", status: "Sleeping", requests: "cron" },
];

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ verified?: string }> }) {
  const user = await requireUser("/dashboard");
  const { verified } = await searchParams;
  return (
    <main className="mx-auto max-w-6xl px-6 py-12">
      {!user.emailVerified ? <VerifyEmailBanner email={user.email} className="mb-8" /> : null}
      {user.emailVerified && verified === "1" ? (
        <Notice tone="success" className="mb-8">
          Thank you: your email address is verified. Help now shows your tickets.
        </Notice>
      ) : null}
      <h1 className="text-2xl font-bold tracking-tight">Welcome back, {user.name}</h1>
      <p className="mt-1 text-slate-600">Here is how your apps are doing today.</p>
      <dl className="mt-8 grid gap-4 sm:grid-cols-3">
        {[
          ["Apps", "3"],
          ["Uptime (30 days)", "99.98%"],
          ["Deploys this week", "14"],
        ].map(([label, value]) => (
          <div key={label} className="rounded-2xl border border-slate-200 p-5">
            <dt className="text-sm text-slate-500">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-12 text-lg font-semibold">Apps</h2>
      <table className="mt-4 w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-slate-500">
          <tr>
            <th className="py-2 font-medium">Name</th>
            <th className="py-2 font-medium">Region</th>
            <th className="py-2 font-medium">Status</th>
            <th className="py-2 font-medium">Traffic</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {apps.map((app) => (
            <tr key={app.name}>
              <td className="py-3 font-mono">{app.name}</td>
              <td className="py-3">{app.region}</td>
              <td className="py-3">{app.status}</td>
              <td className="py-3">{app.requests}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
