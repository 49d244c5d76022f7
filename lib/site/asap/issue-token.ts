import "server-only";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { env } from "@/lib/shared/env";
import type { SiteUser } from "@/lib/site/users";
import { algorithmOf, mintAsapToken, type SigningKey } from "./mint-asap-token";

/**
 * The site's ASAP signing key, from the environment: the private key when ASAP_JWT_PRIVATE_KEY is
 * set (nothing secret shared with the Desk), else the add-on's secret.
 */
let privateKey: KeyObject | undefined;
function signingKey(): SigningKey {
  if (!env.ASAP_JWT_PRIVATE_KEY) return { secret: env.ASAP_JWT_SECRET };
  privateKey ??= createPrivateKey(env.ASAP_JWT_PRIVATE_KEY);
  return { privateKey };
}

/** The site's ASAP token for one of its users, signed with the add-on key from the environment. */
export function issueAsapToken(user: SiteUser) {
  return mintAsapToken({ email: user.email, name: user.name, emailVerified: user.emailVerified !== null }, { ...signingKey(), kid: env.ASAP_JWT_KID, audience: env.ASAP_ADDON_ID });
}

/**
 * The site's JSON Web Key Set: the public half of ASAP_JWT_PRIVATE_KEY under ASAP_JWT_KID, for an
 * add-on whose JWKS URL points here; no keys when the site signs with a secret.
 */
export function siteJwks(): { keys: Array<Record<string, unknown>> } {
  const key = signingKey();
  if ("secret" in key) return { keys: [] };
  const jwk = createPublicKey(key.privateKey).export({ format: "jwk" });
  return { keys: [{ ...jwk, alg: algorithmOf(key), use: "sig", ...(env.ASAP_JWT_KID ? { kid: env.ASAP_JWT_KID } : {}) }] };
}

/** What the page needs to load the widget: public values only, never the secret. */
export function widgetConfig() {
  return { addonId: env.ASAP_ADDON_ID, deskBaseUrl: env.DESK_BASE_URL.replace(/\/$/, ""), flow: env.ASAP_FLOW };
}
