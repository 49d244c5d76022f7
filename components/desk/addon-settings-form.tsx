"use client";

import { useActionState } from "react";
import { updateAddonAction, type ActionState } from "@/lib/desk/portal/actions";
import type { AddonDetail } from "@/lib/desk/addons/admin";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { MAX_CLOCK_SKEW_SECONDS } from "@/lib/desk/iam/limits";
import { OriginsField } from "./origins-field";
import { WidgetBrandingFields } from "./widget-branding-fields";

export function AddonSettingsForm({ addon }: { addon: AddonDetail }) {
  const [state, action] = useActionState(updateAddonAction.bind(null, addon.id), {} as ActionState);
  const fields = state.fields ?? {};
  // After a refused save, show what was typed; otherwise the saved settings.
  const typed = state.values;
  const text = (name: string, saved: string | number | null) => typed?.[name] ?? String(saved ?? "");
  const checked = (name: string, saved: boolean) => (typed ? typed[name] === "on" : saved);
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message && state.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-800">
          {state.message}
        </p>
      ) : null}
      {Object.keys(fields).length ? <ErrorAlert>Some settings need attention; see below.</ErrorAlert> : null}
      <TextField name="name" label="Name" defaultValue={text("name", addon.name)} required error={fields.name} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Authentication</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="authMode" value="jwt" defaultChecked={text("authMode", addon.authMode) === "jwt"} /> JWT: users signed in to your app are
          signed in to help
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="authMode" value="anonymous" defaultChecked={text("authMode", addon.authMode) === "anonymous"} /> Anonymous only
        </label>
        {fields.authMode ? <p className="text-sm text-red-600">{fields.authMode}</p> : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Flows</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="newFlowEnabled" defaultChecked={checked("newFlowEnabled", addon.newFlowEnabled)} /> New flow: your app signs the JWT
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="legacyFlowEnabled" defaultChecked={checked("legacyFlowEnabled", addon.legacyFlowEnabled)} /> Legacy flow: the Desk calls your JWT
          endpoint
        </label>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Replay protection</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="requireJti" defaultChecked={checked("requireJti", addon.requireJti)} /> Require a <code>jti</code> in every token
        </label>
        <p className="text-sm text-slate-500">
          The Desk accepts each <code>jti</code> once. A token without one could log in again and again until it expires, so whoever
          copies it from a log or a browser gets in too. Turn this off only while your app cannot send a <code>jti</code> yet.
        </p>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Enforcement</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reportOnly" defaultChecked={checked("reportOnly", addon.reportOnly)} /> Report only: a refused login leaves
          its person a guest, without an error
        </label>
        <p className="text-sm text-slate-500">
          For a new key or a move from the legacy flow: refusals are logged with their code as always, and counted above the log, but
          nobody sees an error. No refused token ever signs anyone in. Turn it off to enforce once the log is clean.
        </p>
      </fieldset>
      <TextField
        name="legacyEndpointUrl"
        label="Legacy JWT endpoint URL"
        type="url"
        defaultValue={text("legacyEndpointUrl", addon.legacyEndpointUrl)}
        placeholder="https://app.example.com/api/asap/legacy-jwt"
        error={fields.legacyEndpointUrl}
      />
      <OriginsField defaultValue={text("origins", addon.origins.join("\n"))} error={fields.origins} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="clockSkewSeconds"
          label="Clock skew tolerance (seconds)"
          type="number"
          min={0}
          max={MAX_CLOCK_SKEW_SECONDS}
          defaultValue={text("clockSkewSeconds", addon.clockSkewSeconds)}
          error={fields.clockSkewSeconds}
        />
        <TextField
          name="sessionTtlSeconds"
          label="Widget session lifetime (seconds)"
          type="number"
          min={300}
          max={86400}
          defaultValue={text("sessionTtlSeconds", addon.sessionTtlSeconds)}
          error={fields.sessionTtlSeconds}
        />
      </div>
      <WidgetBrandingFields addon={addon} text={text} fields={fields} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
