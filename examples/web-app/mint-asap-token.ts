import type { KeyObject } from "node:crypto";
import { SignJWT } from "jose";

/**
 * Mints the JWT that logs a user into the ASAP widget (the new flow), as the business's own server
 * does. Self-contained on purpose: copy this file into your app; it needs only `jose`.
 *
 *  - HS256 with the add-on's signing secret from the help-desk portal. The HMAC key is the secret's
 *    UTF-8 bytes exactly as shown: do NOT base64-decode it (the commonest integration mistake).
 *    Or, sharing no secret: ES256 (P-256) or EdDSA (Ed25519) with your private key, whose public half
 *    the add-on holds (uploaded in the portal, or served at your JWKS URL). The key fixes the alg.
 *  - `not_before` / `not_after` are MILLISECONDS since the epoch (not seconds as in RFC 7519's nbf/exp).
 *    The window may be at most 10 minutes; 5 is the default.
 *  - `email_verified` must be true: mint only for users whose address your app has verified.
 *  - A fresh `jti` per token: the Desk refuses a second login with the same one.
 *  - `kid` names the key, so the Desk can tell old and new keys apart during a rotation.
 *  - `aud` names the add-on (its id): required with a private key, since one public key may serve
 *    several add-ons (staging and production), and harmless with a secret.
 *
 * Call it from a server route that requires your own session, and never cache the result.
 */
export type AsapTokenUser = { email: string; name?: string; emailVerified: boolean };

/** The add-on's secret, or your private key (a P-256 or Ed25519 KeyObject). */
export type SigningKey = { secret: string } | { privateKey: KeyObject };

export type MintOptions = SigningKey & {
  kid?: string;
  /** The add-on's id, signed as `aud`. */
  audience?: string;
  /** Default 5 minutes; the Desk refuses more than 10. */
  validityMs?: number;
  /** For tests; defaults to Date.now(). */
  now?: number;
};

export const DEFAULT_VALIDITY_MS = 5 * 60 * 1000;

/** The alg a key's type fixes: the Desk refuses a token whose alg is not its key's. */
export function algorithmOf(key: SigningKey): "HS256" | "ES256" | "EdDSA" {
  if ("secret" in key) return "HS256";
  if (key.privateKey.asymmetricKeyType === "ed25519") return "EdDSA";
  if (key.privateKey.asymmetricKeyType === "ec" && key.privateKey.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ES256";
  throw new Error("The ASAP private key must be P-256 (ES256) or Ed25519 (EdDSA)");
}

export async function mintAsapToken(user: AsapTokenUser, options: MintOptions): Promise<{ token: string; expiresAt: number }> {
  if (!user.emailVerified) throw new Error("Refusing to mint an ASAP token for an unverified email address");
  const notBefore = options.now ?? Date.now();
  const notAfter = notBefore + (options.validityMs ?? DEFAULT_VALIDITY_MS);
  const token = await new SignJWT({
    email: user.email,
    email_verified: true,
    ...(user.name ? { name: user.name.slice(0, 100) } : {}),
    ...(options.audience ? { aud: options.audience } : {}),
    not_before: notBefore,
    not_after: notAfter,
  })
    .setProtectedHeader({ alg: algorithmOf(options), typ: "JWT", ...(options.kid ? { kid: options.kid } : {}) })
    .setJti(crypto.randomUUID())
    .sign("secret" in options ? new TextEncoder().encode(options.secret) : options.privateKey);
  return { token, expiresAt: notAfter };
}
