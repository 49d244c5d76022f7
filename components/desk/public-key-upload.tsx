"use client";

import { useActionState } from "react";
import { uploadPublicKeyAction, type KeyActionState } from "@/lib/desk/portal/actions";
import type { UploadedKey } from "@/lib/desk/keys/admin";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** What the business's signer needs to know of a public key the Desk now holds. */
export function UploadedKeyNotice({ uploaded, label = "Public key added" }: { uploaded: UploadedKey; label?: string }) {
  return (
    <div role="status" aria-label={label} className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900">
      <p className="font-semibold">
        Public key <code data-testid="uploaded-kid">{uploaded.kid}</code> added ({uploaded.algorithm}, fingerprint <code>{uploaded.fingerprint}</code>).
      </p>
      <p className="mt-1">
        Sign with {uploaded.algorithm} and its private key, with <code>kid</code> set to <code>{uploaded.kid}</code>. Nothing secret was shared.
      </p>
    </div>
  );
}

/** Paste a PEM or JWK public key: an ES256 or EdDSA key the business signs with its private half. */
export function PublicKeyUpload({ addonId }: { addonId: string }) {
  const [state, upload] = useActionState(uploadPublicKeyAction.bind(null, addonId), {} as KeyActionState);
  return (
    <form action={upload} className="space-y-2">
      {state.uploadedKey ? <UploadedKeyNotice uploaded={state.uploadedKey} /> : null}
      {state.message && !state.ok ? <ErrorAlert>{state.message}</ErrorAlert> : null}
      <label htmlFor="public-key" className="block text-sm font-medium text-slate-800">
        Public key (PEM or JWK)
      </label>
      <textarea
        id="public-key"
        name="publicKey"
        rows={5}
        required
        spellCheck={false}
        defaultValue={state.values?.publicKey ?? ""}
        placeholder={"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"}
        aria-describedby="public-key-hint"
        className="block w-full rounded-lg border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
      />
      <p id="public-key-hint" className="text-sm text-slate-500">
        ES256 (EC P-256) or EdDSA (Ed25519). The key&apos;s type fixes the algorithm its tokens must use. Never paste a private key.
      </p>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add public key
      </SubmitButton>
    </form>
  );
}
