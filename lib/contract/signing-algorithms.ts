/**
 * The algorithms an add-on's keys sign with. A key's algorithm is fixed by its type when it is made
 * (a generated secret, or an uploaded or published public key), never taken from a token's header:
 * a token whose alg differs from its key's is refused, so an HMAC "signed" with a public key's bytes
 * cannot pass (algorithm confusion).
 */
export const KEY_ALGORITHMS = ["HS256", "ES256", "EdDSA"] as const;

export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

/** The JWS `alg` values a key of each algorithm verifies: Ed25519 keys take "EdDSA" and RFC 9864's "Ed25519". */
export const HEADER_ALGS: Record<KeyAlgorithm, readonly string[]> = {
  HS256: ["HS256"],
  ES256: ["ES256"],
  EdDSA: ["EdDSA", "Ed25519"],
};

/** The key algorithm a token's alg header asks for, or null when no key of the Desk can verify it. */
export function keyAlgorithmForHeader(alg: unknown): KeyAlgorithm | null {
  for (const algorithm of KEY_ALGORITHMS) if (HEADER_ALGS[algorithm].includes(alg as string)) return algorithm;
  return null;
}

export function isKeyAlgorithm(value: string): value is KeyAlgorithm {
  return (KEY_ALGORITHMS as readonly string[]).includes(value);
}

/** Where a key came from: a secret the Desk generated, a public key an admin uploaded, or the add-on's JWKS. */
export type KeySource = "generated" | "uploaded" | "jwks";
