import { SignJWT } from "jose";

/**
 * Tokens as a business's server mints them for the ASAP new flow, for tests: every claim has a
 * working default, and any claim can be overridden (or removed with `undefined`) to break one rule.
 *
 * The rules a real token follows: HS256 keyed with the secret's UTF-8 bytes exactly as the portal
 * shows it (never base64-decoded); `not_before`/`not_after` in milliseconds, at most 10 minutes
 * apart; a fresh `jti`; `kid` naming the key.
 */

/** A signing key as the Desk's portal (or the test-control API) hands it out. */
export type AsapKey = { kid: string | null; secret: string };

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

/** An HS256 ASAP token for `key`, with the default claims overridden by `claims`. */
export async function mintAsapToken(claims: AsapClaims, key: AsapKey, options: MintOptions = {}): Promise<string> {
  if (!key.secret) throw new TypeError("mintAsapToken: the key has no secret");
  const header = { alg: "HS256", typ: "JWT", ...(key.kid ? { kid: key.kid } : {}), ...options.header };
  return new SignJWT(asapClaims(claims, options)).setProtectedHeader(header as { alg: string }).sign(new TextEncoder().encode(key.secret));
}
