import "server-only";
import { findAddonForLogin } from "@/lib/desk/addons/find-addon";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { iamNow } from "./clock";
import { jwksKeys } from "./jwks-keys";
import { explainWith, tokenParts, type Explanation } from "./explanation";
import { peekReplayStore } from "./replay-store";

export type { Explanation } from "./explanation";

/**
 * The debugger: runs the login verifier on a pasted token, for one add-on, and reports every check.
 * It neither stores nor logs the token, and only looks at the replay store, so it spends no jti.
 */
export async function explainToken(addonId: string, token: string): Promise<Explanation> {
  // Pasting adds line breaks and spaces; the login API itself gets no such leniency.
  const trimmed = token.trim();
  const addon = await findAddonForLogin(db, addonId);
  if (!addon) {
    return { ...tokenParts(trimmed), checks: [], outcome: { ok: false, code: "ADDON_NOT_FOUND", message: `There is no add-on "${addonId}".`, hint: "Pick an add-on." } };
  }
  const peek = peekReplayStore(db, addon.id);
  return explainWith(trimmed, {
    keys: databaseKeyRing(db, { addonId: addon.id, masterKey: Buffer.from(env.DESK_MASTER_KEY, "base64url"), ...(addon.jwksUrl && { jwks: jwksKeys({ id: addon.id, jwksUrl: addon.jwksUrl }) }) }),
    now: iamNow(),
    clockSkewSeconds: addon.clockSkewSeconds,
    audience: addon.id,
    requireJti: addon.requireJti,
    replay: (jti) => peek(jti),
  });
}
