"use client";

import { useActionState, useState } from "react";
import { debugTokenAction, type DebugState } from "@/lib/desk/portal/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn } from "@/components/ui/cn";

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
        {value === null ? "(not decodable)" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function TokenDebugger({ addons }: { addons: Array<{ id: string; name: string }> }) {
  const [state, action] = useActionState(debugTokenAction, {} as DebugState);
  const result = state.explanation;
  // Controlled, so the add-on and the token stay put between runs (React resets forms after actions).
  const [addonId, setAddonId] = useState(addons[0]?.id ?? "");
  const [token, setToken] = useState("");
  return (
    <div className="space-y-8">
      <form action={action} className="space-y-4">
        {state.message ? <ErrorAlert>{state.message}</ErrorAlert> : null}
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Add-on</span>
          <select
            name="addonId"
            value={addonId}
            onChange={(event) => setAddonId(event.target.value)}
            className="mt-1 block rounded-lg border border-slate-300 px-2 py-2"
          >
            {addons.map((addon) => (
              <option key={addon.id} value={addon.id}>
                {addon.name} ({addon.id})
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Token</span>
          <textarea
            name="token"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            rows={5}
            spellCheck={false}
            autoComplete="off"
            placeholder="eyJhbGciOiJIUzI1NiIs…"
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-xs"
          />
          <span className="mt-1 block text-slate-500">Checked as the login API would, without storing or logging it, and without spending its jti.</span>
        </label>
        <SubmitButton pendingLabel="Checking…">Explain token</SubmitButton>
      </form>

      {result ? (
        <section aria-label="Explanation" className="space-y-6">
          <div
            role="status"
            className={cn(
              "rounded-xl border p-4",
              result.outcome.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900",
            )}
          >
            {result.outcome.ok ? (
              <p className="font-semibold">Valid: this token would log in {result.outcome.email}.</p>
            ) : (
              <>
                <p className="font-semibold">
                  Refused: <code>{result.outcome.code}</code>
                </p>
                <p>{result.outcome.message}</p>
                <p className="mt-1">{result.outcome.hint}</p>
              </>
            )}
          </div>
          <ol className="space-y-1 text-sm" aria-label="Checks">
            {result.checks.map((check) => (
              <li key={check.check} className="flex gap-2">
                <span aria-hidden className={cn("w-4 shrink-0 font-bold", check.passed ? "text-emerald-600" : "text-red-600")}>
                  {check.passed ? "✓" : "✗"}
                </span>
                <span>
                  <strong>{check.check}</strong>: {check.passed ? "passed" : "failed"}. {check.detail}
                </span>
              </li>
            ))}
          </ol>
          <div className="grid gap-4 md:grid-cols-2">
            <Json label="Header" value={result.header} />
            <Json label="Claims (not yet verified)" value={result.claims} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
