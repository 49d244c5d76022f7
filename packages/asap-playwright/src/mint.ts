import { createPrivateKey, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Tokens as a business's server mints them for the ASAP new flow, for tests: every claim has a
 * working default, and any claim can be overridden (or removed with `undefined`) to break one rule.
 *
 * The rules a real token follows: HS256 keyed with the secret's UTF-8 bytes exactly as the portal
 * shows it (never base64-decoded), or ES256/EdDSA with the private half of a public key the add-on
 * holds; `not_before`/`not_after` in milliseconds, at most 10 minutes apart; a fresh `jti`; `kid`
 * naming the key.
 */

/**
 * A signing key: a secret as the Desk's portal (or the test-control API) hands it out, or a private
 * key (PEM or a Node KeyObject) whose public half the add-on has, uploaded or in its JWKS.
 */
export type AsapKey = { kid: string | null; secret: string } | { kid: string | null; privateKey: string | KeyObject };

/** The new flow's claims; others pass through untouched. `undefined` leaves a claim out. */
export type AsapClaims = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Milliseconds since the epoch. */
  not_before?: number;
  /** Milliseconds since the epoch. */
  not_after?: number;
  jti?: string;
  [claim: string]: unknown;
};

export type MintOptions = {
  /** The moment the default window starts; defaults to Date.now(). */
  now?: number;
  /** The default window's length; 5 minutes unless given. */
  validityMs?: number;
  /** Extra or overriding protected-header fields (e.g. a wrong `typ`). */
  header?: Record<string, unknown>;
};

export const DEFAULT_VALIDITY_MS = 5 * 60 * 1000;

/** The claims a token gets by default, with `claims` laid over them. */
export function asapClaims(claims: AsapClaims = {}, options: Pick<MintOptions, "now" | "validityMs"> = {}): Record<string, unknown> {
  const now = options.now ?? Date.now();
  const merged: Record<string, unknown> = {
    email: "tester@example.com",
    email_verified: true,
    name: "Tester",
    not_before: now,
    not_after: now + (options.validityMs ?? DEFAULT_VALIDITY_MS),
    jti: crypto.randomUUID(),
    ...claims,
  };
  for (const [claim, value] of Object.entries(merged)) if (value === undefined) delete merged[claim];
  return merged;
}

/** The algorithm a private key's type fixes: ES256 for P-256, EdDSA for Ed25519. */
export function algorithmOfPrivateKey(key: KeyObject): "ES256" | "EdDSA" {
  if (key.asymmetricKeyType === "ed25519") return "EdDSA";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ES256";
  throw new TypeError(`mintAsapToken: a ${key.asymmetricKeyType ?? "symmetric"} key; the Desk verifies ES256 (P-256) and EdDSA (Ed25519)`);
}

/** An ASAP token for `key` (HS256, or the private key's own algorithm), with the default claims overridden by `claims`. */
export async function mintAsapToken(claims: AsapClaims, key: AsapKey, options: MintOptions = {}): Promise<string> {
  const kid = key.kid ? { kid: key.kid } : {};
  if ("privateKey" in key) {
    const privateKey = typeof key.privateKey === "string" ? createPrivateKey(key.privateKey) : key.privateKey;
    const header = { alg: algorithmOfPrivateKey(privateKey), typ: "JWT", ...kid, ...options.header };
    return new SignJWT(asapClaims(claims, options)).setProtectedHeader(header as { alg: string }).sign(privateKey);
  }
  if (!key.secret) throw new TypeError("mintAsapToken: the key has no secret");
  const header = { alg: "HS256", typ: "JWT", ...kid, ...options.header };
  return new SignJWT(asapClaims(claims, options)).setProtectedHeader(header as { alg: string }).sign(new TextEncoder().encode(key.secret));
}
