import { explainWith, type Explanation } from "@/lib/desk/iam/explanation";
import { importHmacKey, importPublicKey, type KeyRing, type RingKey } from "@/lib/desk/keys/key-ring";
import { serializeJwk, type PublicKey } from "@/lib/desk/keys/public-key";

/**
 * explain without a Desk: the Desk's own verifier, on a key ring holding the one key given (the
 * secret, or a public key), and without a replay store (only the Desk knows which jti were used).
 * The add-on's settings it would read from its database (clock skew, require jti) come from the
 * command line instead.
 */
export type OfflineKey = { secret: string } | { publicKey: PublicKey };

export type OfflineOptions = {
  key: OfflineKey;
  /** The key's kid; without one the ring answers to whatever kid the token names. */
  kid?: string;
  /** The add-on's id, which the token's aud must name; unset: aud is not checked. */
  audience?: string;
  clockSkewSeconds: number;
  requireJti: boolean;
  now?: number;
};

export function memoryKeyRing(material: OfflineKey, kid: string | undefined): KeyRing {
  let cryptoKey: Promise<CryptoKey> | undefined;
  const algorithm = "secret" in material ? "HS256" : material.publicKey.algorithm;
  const load = () =>
    "secret" in material ? importHmacKey(material.secret) : importPublicKey(material.publicKey.algorithm, serializeJwk(material.publicKey.jwk));
  const key = (keyKid: string): RingKey => ({
    id: "token-cli",
    kid: keyKid,
    algorithm,
    source: "secret" in material ? "generated" : "uploaded",
    revokedAt: null,
    expiresAt: null,
    cryptoKey: () => (cryptoKey ??= load()),
  });
  return {
    find: async (wanted) => (kid === undefined || wanted === kid ? key(wanted) : null),
    live: async () => [key(kid ?? "(no kid)")],
  };
}

export function explainOffline(token: string, options: OfflineOptions): Promise<Explanation> {
  return explainWith(token, {
    keys: memoryKeyRing(options.key, options.kid),
    now: options.now ?? Date.now(),
    clockSkewSeconds: options.clockSkewSeconds,
    audience: options.audience,
    requireJti: options.requireJti,
  });
}
