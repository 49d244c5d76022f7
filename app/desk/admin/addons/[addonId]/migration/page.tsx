import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isKeyLive } from "@/lib/contract/key-liveness";
import { getAddon } from "@/lib/desk/addons/admin";
import { getFlowStats } from "@/lib/desk/iam/flow-stats";
import { listLoginEvents } from "@/lib/desk/iam/login-log";
import { disableLegacyFlowAction } from "@/lib/desk/portal/actions";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { EndpointFailure } from "@/components/desk/endpoint-failure";
import { FlowStatsTable } from "@/components/desk/flow-stats";
import { SubmitButton } from "@/components/ui/submit-button";

export const metadata: Metadata = { title: "Migrate to the new flow" };

type Step = { title: string; done: boolean; body: React.ReactNode };

export default async function MigrationPage({ params }: { params: Promise<{ addonId: string }> }) {
  await requireAgent("admin");
  const { addonId } = await params;
  const addon = await getAddon(addonId);
  if (!addon) notFound();
  const [stats, [endpointFailure]] = await Promise.all([
    getFlowStats(addon.id, addon.readAt),
    listLoginEvents(addon.id, { flow: "legacy", code: "LEGACY_ENDPOINT_FAILED", take: 1 }),
  ]);
  const hasLiveKey = addon.keys.some((key) => isKeyLive(key, addon.readAt));
  const newFlowWorks = addon.newFlowEnabled && stats.new.succeeded > 0;
  const newFlowLeads = newFlowWorks && stats.new.succeeded >= stats.legacy.succeeded;

  const steps: Step[] = [
    {
      title: "Generate a signing key",
      done: hasLiveKey,
      body: (
        <>
          Under <Link href={`/desk/admin/addons/${addon.id}`}>Signing keys</Link>, generate a key and store its id and secret in your
          app as <code>ASAP_JWT_KID</code> and <code>ASAP_JWT_SECRET</code>. The secret is used as UTF-8 bytes exactly as shown.
        </>
      ),
    },
    {
      title: "Deploy minting in your app",
      done: newFlowWorks,
      body: (
        <>
          Add a route that signs an HS256 JWT for the signed-in user (<code>email</code>, <code>email_verified</code>, <code>name</code>,{" "}
          <code>not_before</code>/<code>not_after</code> in milliseconds, a fresh <code>jti</code>), and make the widget&apos;s login
          callback return it instead of a user token. Keep the new flow enabled here; both flows work side by side.
        </>
      ),
    },
    {
      title: "Watch new-flow logins rise",
      done: newFlowLeads,
      body: <>When the new flow carries at least as many logins as the legacy one over a day, your users have moved.</>,
    },
    {
      title: "Disable the legacy flow",
      done: !addon.legacyFlowEnabled,
      body: (
        <>
          Sessions opened through the legacy flow end at once, and the widget logs in again with what your app returns now; user tokens are
          refused with FLOW_NOT_ENABLED, and you can retire your JWT endpoint.
        </>
      ),
    },
  ];

  return (
    <main className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">
          <Link href={`/desk/admin/addons/${addon.id}`} className="hover:underline">
            {addon.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">From the legacy JWT endpoint to the new flow</h1>
      </header>
      <section className="rounded-2xl border border-slate-200 bg-white p-6">
        <FlowStatsTable stats={stats} enabled={{ new: addon.newFlowEnabled, legacy: addon.legacyFlowEnabled }} />
      </section>
      {addon.legacyFlowEnabled && endpointFailure ? <EndpointFailure addonId={addon.id} event={endpointFailure} /> : null}
      <ol className="space-y-4" aria-label="Migration checklist">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-5">
            <span
              aria-hidden
              className={`grid size-8 shrink-0 place-items-center rounded-full text-sm font-bold ${step.done ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"}`}
            >
              {step.done ? "✓" : index + 1}
            </span>
            <div>
              <h2 className="font-semibold">
                {step.title} <span className="sr-only">{step.done ? "(done)" : "(to do)"}</span>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
      {addon.legacyFlowEnabled ? (
        <form action={disableLegacyFlowAction.bind(null, addon.id)} className="space-y-2">
          {!newFlowLeads ? (
            <p className="text-sm text-amber-800">
              The new flow does not carry most logins yet: users whose app still sends user tokens will be refused.
            </p>
          ) : null}
          <SubmitButton variant={newFlowLeads ? "primary" : "secondary"} pendingLabel="Disabling…">
            Disable the legacy flow
          </SubmitButton>
        </form>
      ) : null}
    </main>
  );
}
