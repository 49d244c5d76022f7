import { decodeJwt, decodeProtectedHeader } from "jose";
import type { Explanation } from "@/lib/desk/iam/explain-token";
import { AsapError } from "@/lib/desk/iam/errors";
import { verifyAsapToken, type CheckOutcome } from "@/lib/desk/iam/verify-token";
import { importHmacKey, type KeyRing, type RingKey } from "@/lib/desk/keys/key-ring";

/**
 * explain without a Desk: the Desk's own verifier, on a key ring holding the one secret given, and
 * without a replay store (only the Desk knows which jti were used). The add-on's settings it would
 * read from its database (clock skew, require jti) come from the command line instead.
 */
export type OfflineOptions = {
  secret: string;
  /** The key's kid; without one the ring answers to whatever kid the token names. */
  kid?: string;
  clockSkewSeconds: number;
  requireJti: boolean;
  now?: number;
};

export function memoryKeyRing(secret: string, kid: string | undefined): KeyRing {
  let cryptoKey: Promise<CryptoKey> | undefined;
  const key = (keyKid: string): RingKey => ({
    id: "token-cli",
    kid: keyKid,
    revokedAt: null,
    expiresAt: null,
    cryptoKey: () => (cryptoKey ??= importHmacKey(secret)),
  });
  return {
    find: async (wanted) => (kid === undefined || wanted === kid ? key(wanted) : null),
    live: async () => [key(kid ?? "(no kid)")],
  };
}

function decodeQuietly<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

export async function explainOffline(token: string, options: OfflineOptions): Promise<Explanation> {
  const header = decodeQuietly(() => decodeProtectedHeader(token));
  const claims = decodeQuietly(() => decodeJwt(token));
  const checks: CheckOutcome[] = [];
  try {
    const verified = await verifyAsapToken(
      token,
      { keys: memoryKeyRing(options.secret, options.kid), now: options.now ?? Date.now(), clockSkewSeconds: options.clockSkewSeconds, requireJti: options.requireJti },
      checks,
    );
    return { header, claims, checks, outcome: { ok: true, email: verified.claims.email } };
  } catch (error) {
    if (!(error instanceof AsapError)) throw error;
    return { header, claims, checks, outcome: { ok: false, code: error.code, message: error.message, hint: error.hint } };
  }
}
