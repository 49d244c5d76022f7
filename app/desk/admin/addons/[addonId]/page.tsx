import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAddon } from "@/lib/desk/addons/admin";
import { listAudit } from "@/lib/desk/audit";
import { countReportOnlyRefusals, getFlowStats } from "@/lib/desk/iam/flow-stats";
import { listLoginEvents } from "@/lib/desk/iam/login-log";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { AddonSettingsForm } from "@/components/desk/addon-settings-form";
import { FlowStatsTable } from "@/components/desk/flow-stats";
import { ReportOnlySummary } from "@/components/desk/report-only-summary";
import { JwksUrlForm } from "@/components/desk/jwks-url-form";
import { KeyManager } from "@/components/desk/key-manager";
import { PublicKeyUpload } from "@/components/desk/public-key-upload";
import { LoginLog, type LoginLogFilters } from "@/components/desk/login-log";
import { SignOutSessions } from "@/components/desk/sign-out-sessions";

export const metadata: Metadata = { title: "Add-on" };

const OUTCOMES = new Set(["success", "failure"]);
const FLOWS = new Set(["new", "legacy"]);
const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function AddonPage({
  params,
  searchParams,
}: {
  params: Promise<{ addonId: string }>;
  searchParams: Promise<LoginLogFilters>;
}) {
  await requireAgent("admin");
  const [{ addonId }, raw] = await Promise.all([params, searchParams]);
  const addon = await getAddon(addonId);
  if (!addon) notFound();

  // Unknown filter values are ignored rather than passed to the database.
  const filters = {
    outcome: OUTCOMES.has(raw.outcome ?? "") ? (raw.outcome as "success" | "failure") : undefined,
    flow: FLOWS.has(raw.flow ?? "") ? (raw.flow as "new" | "legacy") : undefined,
    code: /^[A-Z_]{3,40}$/.test(raw.code ?? "") ? raw.code : undefined,
  };
  const [events, audit, flowStats, reportOnlyRefusals] = await Promise.all([
    listLoginEvents(addon.id, filters),
    listAudit(`addon:${addon.id}`),
    getFlowStats(addon.id, addon.readAt),
    countReportOnlyRefusals(addon.id, addon.readAt),
  ]);

  return (
    <main className="space-y-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{addon.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Add-on id <code>{addon.id}</code>: the business sets it as <code>ASAP_ADDON_ID</code>.
        </p>
      </header>
      <section aria-labelledby="keys" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="keys" className="text-lg font-semibold">
          Signing keys
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          The business signs its users&apos; JWTs and names the key in the <code>kid</code> header: with a secret generated here (HS256),
          or with a private key whose public half the Desk holds (ES256, EdDSA), uploaded here or published at a JWKS URL. A key&apos;s
          type fixes the algorithm its tokens must use.
        </p>
        <KeyManager addon={addon} envNames={{ kid: "ASAP_JWT_KID", secret: "ASAP_JWT_SECRET" }} />
        <div className="mt-6 grid gap-6 border-t border-slate-100 pt-6 lg:grid-cols-2">
          <PublicKeyUpload addonId={addon.id} />
          <JwksUrlForm addonId={addon.id} jwksUrl={addon.jwksUrl} />
        </div>
      </section>
      <section aria-labelledby="sessions" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="sessions" className="text-lg font-semibold">
          Widget sessions
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          A session ends by itself when the key that signed its login is revoked or rotated out, or when this add-on stops accepting
          its flow or leaves JWT mode. To end them all now, for example after a leak:
        </p>
        <SignOutSessions addonId={addon.id} />
      </section>
      <section aria-labelledby="flows" className="rounded-2xl border border-slate-200 bg-white p-6">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="flows" className="text-lg font-semibold">
            Flows
          </h2>
          <Link href={`/desk/admin/addons/${addon.id}/migration`} className="text-sm font-medium text-brand-600 hover:underline">
            Migration checklist →
          </Link>
        </div>
        <FlowStatsTable stats={flowStats} enabled={{ new: addon.newFlowEnabled, legacy: addon.legacyFlowEnabled }} />
        <ReportOnlySummary on={addon.reportOnly} refusals={reportOnlyRefusals} addonId={addon.id} />
      </section>
      <section aria-labelledby="settings" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="settings" className="mb-4 text-lg font-semibold">
          Settings
        </h2>
        <AddonSettingsForm addon={addon} />
      </section>
      <section aria-labelledby="log" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="log" className="mb-4 text-lg font-semibold">
          Login log
        </h2>
        <LoginLog events={events} filters={filters} />
      </section>
      <section aria-labelledby="audit" className="rounded-2xl border border-slate-200 bg-white p-6">
        <h2 id="audit" className="mb-4 text-lg font-semibold">
          Changes
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-500">No changes yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {audit.map((entry) => (
              <li key={entry.id}>
                <span className="text-slate-500">{time.format(entry.createdAt)}</span> · <strong>{entry.actor?.name ?? "someone"}</strong> ·{" "}
                <code>{entry.action}</code> · {entry.detail}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
