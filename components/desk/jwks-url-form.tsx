"use client";

import { useActionState } from "react";
import { saveJwksUrlAction, type JwksActionState } from "@/lib/desk/portal/actions";
import type { JwksSyncReport } from "@/lib/desk/keys/jwks-sync";
import { ErrorAlert, Notice } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

const list = (kids: string[]) => kids.join(", ");

function ReadReport({ report }: { report: JwksSyncReport }) {
  const usable = report.added.length + report.changed.length + report.kept.length;
  return (
    <Notice tone={usable ? "success" : "info"}>
      <p className="font-medium">
        Read the JWKS: {usable === 1 ? "1 usable key" : `${usable} usable keys`}.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {report.added.length ? <li>New: {list(report.added)}</li> : null}
        {report.changed.length ? <li>New material under: {list(report.changed)}</li> : null}
        {report.removed.length ? <li>No longer listed, dropped: {list(report.removed)}</li> : null}
        {report.skipped.map((skip, index) => (
          <li key={`${skip.kid}-${index}`}>
            Skipped {skip.kid ? <code>{skip.kid}</code> : "a key"}: {skip.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/**
 * The business's JWKS URL: the Desk reads its ES256/EdDSA keys (at most every 5 minutes, and at once
 * for a kid it does not know). Saving reads it at once and says what it found.
 */
export function JwksUrlForm({ addonId, jwksUrl }: { addonId: string; jwksUrl: string | null }) {
  const [state, save] = useActionState(saveJwksUrlAction.bind(null, addonId), {} as JwksActionState);
  return (
    <form action={save} className="space-y-2" aria-label="Read keys from a JWKS URL">
      {state.report ? <ReadReport report={state.report} /> : null}
      {state.readError ? <ErrorAlert>The URL is saved, but the JWKS could not be read: {state.readError}.</ErrorAlert> : null}
      {state.ok && state.message ? <Notice tone="success">{state.message}</Notice> : null}
      <TextField
        name="jwksUrl"
        label="JWKS URL"
        type="url"
        defaultValue={state.values?.jwksUrl ?? jwksUrl ?? ""}
        placeholder="https://app.example.com/.well-known/jwks.json"
        error={state.fields?.jwksUrl}
        hint="Your app's JSON Web Key Set: its ES256 or EdDSA public keys, each with a kid. Leave empty for none."
      />
      <SubmitButton variant="secondary" pendingLabel="Reading…">
        Save and read JWKS
      </SubmitButton>
    </form>
  );
}
