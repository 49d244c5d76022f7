import { requireAgent } from "@/lib/desk/portal/agent-session";
import { getPortalOverview } from "@/lib/desk/portal-overview";
import { PortalNav } from "@/components/desk/portal-nav";

export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function DeskHomePage() {
  const agent = await requireAgent();
  const { addons, totals } = await getPortalOverview();
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
      {addons.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-slate-300 p-6 text-slate-500">
          No add-ons yet. Run <code>npm run db:seed</code> to create the demo add-on.
        </p>
      ) : (
        <ul className="mt-4 space-y-4">
          {addons.map((addon) => (
            <li key={addon.id} className="rounded-xl border border-slate-200 bg-white p-5">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{addon.name}</h3>
                <code className="text-xs text-slate-500">{addon.id}</code>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                Auth mode <strong>{addon.authMode.toUpperCase()}</strong> · flows:{" "}
                {[addon.newFlowEnabled && "new (app-signed JWT)", addon.legacyFlowEnabled && "legacy (JWT endpoint)"]
                  .filter(Boolean)
                  .join(", ") || "none"}
              </p>
              <p className="mt-1 text-sm text-slate-600">
                Allowed origins: {addon.origins.map((o) => o.origin).join(", ") || "none"}
              </p>
              <ul className="mt-3 space-y-1 text-sm">
                {addon.keys.map((key) => (
                  <li key={key.kid} className="font-mono text-slate-700">
                    {key.kid} · fingerprint {key.fingerprint} · created {dateFormat.format(key.createdAt)}
                    {key.expiresAt ? ` · expires ${dateFormat.format(key.expiresAt)}` : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </main>
    </>
  );
}
