import Link from "next/link";
import { listAddons } from "@/lib/desk/addons/admin";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { getDeskTotals } from "@/lib/desk/portal-overview";
import { PortalNav } from "@/components/desk/portal-nav";

export const dynamic = "force-dynamic";

export default async function DeskHomePage() {
  const agent = await requireAgent();
  const [totals, addons] = await Promise.all([getDeskTotals(), listAddons()]);
  return (
    <>
      <PortalNav agent={agent} />
      <main className="mx-auto max-w-6xl px-6 py-10">
        <h1 className="text-2xl font-bold tracking-tight">Portal overview</h1>
        <p className="mt-1 text-slate-600">
          The help desk side of the integration: ASAP add-ons, their signing keys, and the help-center data.
        </p>
        <dl className="mt-8 grid gap-4 sm:grid-cols-4">
          {Object.entries(totals).map(([label, value]) => (
            <div key={label} className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-sm capitalize text-slate-500">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
        <h2 className="mt-10 text-lg font-semibold">ASAP add-ons</h2>
        <ul className="mt-4 space-y-2">
          {addons.map((addon) => (
            <li key={addon.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
              <span className="font-semibold">{addon.name}</span> <code className="text-xs text-slate-500">{addon.id}</code> ·{" "}
              {addon.authMode === "jwt" ? "JWT" : "Anonymous"} ·{" "}
              {[addon.newFlowEnabled && "new flow", addon.legacyFlowEnabled && "legacy flow"].filter(Boolean).join(", ") || "no flow"} ·{" "}
              {addon._count.keys} live key{addon._count.keys === 1 ? "" : "s"}
              {agent.role === "admin" ? (
                <Link href={`/desk/admin/addons/${addon.id}`} className="ml-2 font-medium text-brand-600 hover:underline">
                  Manage
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
