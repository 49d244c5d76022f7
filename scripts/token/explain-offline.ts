import { explainWith, type Explanation } from "@/lib/desk/iam/explanation";
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
    algorithm: "HS256",
    source: "generated",
    revokedAt: null,
    expiresAt: null,
    cryptoKey: () => (cryptoKey ??= importHmacKey(secret)),
  });
  return {
    find: async (wanted) => (kid === undefined || wanted === kid ? key(wanted) : null),
    live: async () => [key(kid ?? "(no kid)")],
  };
}

export function explainOffline(token: string, options: OfflineOptions): Promise<Explanation> {
  return explainWith(token, { keys: memoryKeyRing(options.secret, options.kid), now: options.now ?? Date.now(), clockSkewSeconds: options.clockSkewSeconds, requireJti: options.requireJti });
}
