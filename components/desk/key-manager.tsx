"use client";

import { useActionState, useState, useTransition } from "react";
import { isKeyLive, keyState } from "@/lib/contract/key-liveness";
import { generateKeyAction, revokeKeyAction, rotateKeyAction, type KeyActionState } from "@/lib/desk/portal/actions";
import type { AddonDetail } from "@/lib/desk/addons/admin";
import type { NewKey } from "@/lib/desk/keys/admin";
import type { UploadedKey } from "@/lib/desk/keys/admin";
import { buttonStyles } from "@/components/ui/button-styles";
import { UploadedKeyNotice } from "./public-key-upload";
import { ErrorAlert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const SOURCES: Record<string, string> = { generated: "Secret", uploaded: "Uploaded public key", jwks: "From the JWKS" };

function keyLabel(key: AddonDetail["keys"][number], now: Date): string {
  const state = keyState(key, now);
  if (state.phase === "revoked") return `Revoked ${dateTime.format(state.at)}`;
  if (state.phase === "rotated out") return `Rotated out ${dateTime.format(state.at)}`;
  if (state.phase === "rotating") return `Rotating: works until ${dateTime.format(state.until)}`;
  return "Live";
}

/** The new secret, shown exactly once: the Desk keeps only its sealed copy and fingerprint. */
function RevealedSecret({ newKey, envNames, onDone }: { newKey: NewKey; envNames: KeyEnvNames; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="region" aria-label="New signing key" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm">
      <p className="font-semibold text-amber-900">Copy this secret now: it will not be shown again.</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-amber-900">{envNames.kid}</dt>
        <dd>
          <code data-testid="new-kid">{newKey.kid}</code>
        </dd>
        <dt className="text-amber-900">{envNames.secret}</dt>
        <dd className="break-all">
          <code data-testid="new-secret">{newKey.secret}</code>
        </dd>
      </dl>
      <p className="mt-3 text-amber-900">
        Sign with HS256 using these characters&apos; UTF-8 bytes, exactly as shown. Do <strong>not</strong> base64-decode the secret.
      </p>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className={buttonStyles("secondary")}
          onClick={() => navigator.clipboard.writeText(newKey.secret).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy secret"}
        </button>
        <button type="button" className={buttonStyles("ghost")} onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}

/** The names the business gives the key in its environment, as the README and the site use them. */
export type KeyEnvNames = { kid: string; secret: string };

export function KeyManager({ addon, envNames }: { addon: AddonDetail; envNames: KeyEnvNames }) {
  const now = addon.readAt;
  const [revealed, setRevealed] = useState<NewKey | null>(null);
  const [uploaded, setUploaded] = useState<UploadedKey | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [rotateState, rotate] = useActionState(async (prev: KeyActionState, form: FormData) => {
    const result = await rotateKeyAction(addon.id, prev, form);
    setRevealed(result.newKey ?? null);
    setUploaded(result.uploadedKey ?? null);
    return result;
  }, {} as KeyActionState);
  // A rotating key already has its successor; a JWKS key rotates in its document.
  const rotatable = addon.keys.filter((key) => keyState(key, now).phase === "live" && key.source !== "jwks");

  return (
    <div className="space-y-4">
      {revealed ? <RevealedSecret newKey={revealed} envNames={envNames} onDone={() => setRevealed(null)} /> : null}
      {uploaded ? <UploadedKeyNotice uploaded={uploaded} label="Rotated to a public key" /> : null}
      {message ? <ErrorAlert>{message}</ErrorAlert> : null}
      {rotateState.message ? <ErrorAlert>{rotateState.message}</ErrorAlert> : null}
      <table className="w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 font-medium">Key id</th>
            <th className="py-2 font-medium">Algorithm</th>
            <th className="py-2 font-medium">Kind</th>
            <th className="py-2 font-medium">Fingerprint</th>
            <th className="py-2 font-medium">Created</th>
            <th className="py-2 font-medium">State</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {addon.keys.map((key) => {
            return (
              <tr key={key.kid}>
                <td className="py-2 font-mono">{key.kid}</td>
                <td className="py-2">{key.algorithm}</td>
                <td className="py-2">{SOURCES[key.source] ?? key.source}</td>
                <td className="py-2 font-mono">{key.fingerprint}</td>
                <td className="py-2">{dateTime.format(key.createdAt)}</td>
                <td className="py-2">{keyLabel(key, now)}</td>
                <td className="py-2 text-right">
                  {isKeyLive(key, now) ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={`Revoke ${key.kid}`}
                      className={buttonStyles("ghost", "text-red-700")}
                      onClick={() => {
                        if (!window.confirm(`Revoke ${key.kid}? Tokens signed with it are refused at once.`)) return;
                        startTransition(async () => {
                          const result = await revokeKeyAction(addon.id, key.kid);
                          setMessage(result.ok ? null : (result.message ?? null));
                        });
                      }}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-wrap items-end gap-6">
        <button
          type="button"
          disabled={pending}
          className={buttonStyles("secondary")}
          onClick={() =>
            startTransition(async () => {
              const result = await generateKeyAction(addon.id);
              if (result.newKey) setRevealed(result.newKey);
            })
          }
        >
          Generate signing key
        </button>
        {rotatable.length ? (
          <form action={rotate} className="flex flex-wrap items-end gap-2">
            <label className="text-sm">
              <span className="block font-medium text-slate-800">Rotate key</span>
              <select name="kid" className="mt-1 rounded-lg border border-slate-300 px-2 py-2 font-mono text-sm">
                {rotatable.map((key) => (
                  <option key={key.kid} value={key.kid}>
                    {key.kid}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              <span className="block font-medium text-slate-800">Old key keeps working for</span>
              <select name="overlap" defaultValue="24h" className="mt-1 rounded-lg border border-slate-300 px-2 py-2 text-sm">
                <option value="1h">1 hour</option>
                <option value="24h">24 hours</option>
                <option value="7d">7 days</option>
              </select>
            </label>
            <label className="w-full text-sm">
              <span className="block font-medium text-slate-800">Rotate to this public key (PEM or JWK)</span>
              <textarea
                name="replacement"
                rows={3}
                spellCheck={false}
                defaultValue={rotateState.values?.replacement ?? ""}
                aria-describedby="rotate-replacement-hint"
                className="mt-1 block w-full rounded-lg border-0 px-3 py-2 font-mono text-xs ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
              />
              <span id="rotate-replacement-hint" className="mt-1 block text-slate-500">
                Leave empty to generate a new HS256 secret.
              </span>
            </label>
            <SubmitButton variant="secondary" pendingLabel="Rotating…">
              Rotate
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
