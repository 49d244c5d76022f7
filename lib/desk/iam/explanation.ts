import { decodeJwt, decodeProtectedHeader } from "jose";
import { AsapError } from "./errors";
import { verifyAsapToken, type CheckOutcome, type VerifyOptions } from "./verify-token";

/** The verifier's report on one token: what it says, each check it ran, and the verdict. */
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

/** A token's header and claims as far as they decode (null where they do not), checking nothing. */
export function tokenParts(token: string): Pick<Explanation, "header" | "claims"> {
  return { header: decodeQuietly(() => decodeProtectedHeader(token)), claims: decodeQuietly(() => decodeJwt(token)) };
}

/**
 * Runs the login verifier on `token` and reports every check, whoever supplies the keys and the
 * add-on's settings: the portal's debugger (from the database) or the token CLI (from its flags).
 */
export async function explainWith(token: string, options: VerifyOptions): Promise<Explanation> {
  const { header, claims } = tokenParts(token);
  const checks: CheckOutcome[] = [];
  try {
    const verified = await verifyAsapToken(token, options, checks);
    return { header, claims, checks, outcome: { ok: true, email: verified.claims.email } };
  } catch (error) {
    if (!(error instanceof AsapError)) throw error;
    return { header, claims, checks, outcome: { ok: false, code: error.code, message: error.message, hint: error.hint } };
  }
}
