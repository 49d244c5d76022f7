import type { Metadata } from "next";
import Link from "next/link";
import { listAddons } from "@/lib/desk/addons/admin";
import { countTicketsAvoided } from "@/lib/desk/help-center/deflections";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { summariseSatisfaction } from "@/lib/desk/satisfaction/summary";
import { CreateAddonForm } from "@/components/desk/create-addon-form";
import { SatisfactionSummary } from "@/components/desk/satisfaction-summary";

export const metadata: Metadata = { title: "ASAP add-ons" };

export default async function AddonsPage() {
  await requireAgent("admin");
  const [addons, deflection, satisfaction] = await Promise.all([listAddons(), countTicketsAvoided(), summariseSatisfaction()]);
  return (
    <main className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section>
        <h1 className="text-2xl font-bold tracking-tight">ASAP add-ons</h1>
        <p className="mt-1 text-slate-600">Each add-on is one embedded help widget: its auth mode, flows, allowed origins and signing keys.</p>
        <ul className="mt-6 space-y-3">
          {addons.map((addon) => (
            <li key={addon.id}>
              <Link
                href={`/desk/admin/addons/${addon.id}`}
                className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-500"
              >
                <span className="font-semibold">{addon.name}</span>{" "}
                <code className="text-xs text-slate-500">{addon.id}</code>
                <span className="mt-1 block text-sm text-slate-600">
                  {addon.authMode === "jwt" ? "JWT" : "Anonymous"} · {addon._count.keys} live key{addon._count.keys === 1 ? "" : "s"} ·{" "}
                  {addon._count.loginEvents} login attempts
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="space-y-6">
      <section aria-labelledby="deflection" className="h-fit rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="deflection" className="text-lg font-semibold">
          Tickets avoided
        </h2>
        <p className="mt-2 text-3xl font-bold tracking-tight" aria-describedby="deflection-how">
          {deflection.avoided}
        </p>
        <p id="deflection-how" className="mt-1 text-sm text-slate-600">
          In the last 30 days, people opened an article the ticket form suggested and sent no ticket ({deflection.suggestionsOpened}{" "}
          suggestion{deflection.suggestionsOpened === 1 ? "" : "s"} opened in all).
        </p>
      </section>
      <SatisfactionSummary summary={satisfaction} />
      <section aria-labelledby="new-addon" className="h-fit rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="new-addon" className="text-lg font-semibold">
          New add-on
        </h2>
        <div className="mt-4">
          <CreateAddonForm />
        </div>
      </section>
      </div>
    </main>
  );
}
