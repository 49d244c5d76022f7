import "server-only";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { findAddonForLogin } from "@/lib/desk/addons/find-addon";
import { databaseKeyRing } from "@/lib/desk/keys/key-ring";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { iamNow } from "./clock";
import { AsapError } from "./errors";
import { peekReplayStore } from "./replay-store";
import { verifyAsapToken, type CheckOutcome } from "./verify-token";

export type Explanation = {
  header: unknown;
  claims: unknown;
  checks: CheckOutcome[];
  outcome: { ok: true; email: string } | { ok: false; code: string; message: string; hint: string };
};

function decodeQuietly<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

/**
 * The debugger: runs the login verifier on a pasted token, for one add-on, and reports every check.
 * It neither stores nor logs the token, and only looks at the replay store, so it spends no jti.
 */
export async function explainToken(addonId: string, token: string): Promise<Explanation> {
  // Pasting adds line breaks and spaces; the login API itself gets no such leniency.
  const trimmed = token.trim();
  const header = decodeQuietly(() => decodeProtectedHeader(trimmed));
  const claims = decodeQuietly(() => decodeJwt(trimmed));
  const checks: CheckOutcome[] = [];
  const addon = await findAddonForLogin(addonId);
  if (!addon) {
    return { header, claims, checks, outcome: { ok: false, code: "ADDON_NOT_FOUND", message: `There is no add-on "${addonId}".`, hint: "Pick an add-on." } };
  }
  const peek = peekReplayStore(db, addon.id);
  try {
    const verified = await verifyAsapToken(
      trimmed,
      {
        keys: databaseKeyRing(db, addon.id, Buffer.from(env.DESK_MASTER_KEY, "base64url")),
        now: iamNow(),
        clockSkewSeconds: addon.clockSkewSeconds,
        requireJti: addon.requireJti,
        replay: (jti) => peek(jti),
      },
      checks,
    );
    return { header, claims, checks, outcome: { ok: true, email: verified.claims.email } };
  } catch (error) {
    if (!(error instanceof AsapError)) throw error;
    return { header, claims, checks, outcome: { ok: false, code: error.code, message: error.message, hint: error.hint } };
  }
}
