import { compactVerify, errors as joseErrors } from "jose";
import { keyState } from "@/lib/contract/key-liveness";
import type { KeyRing, RingKey } from "@/lib/desk/keys/key-ring";
import { checkAudience, checkClock, checkWindow, MAX_VALIDITY_MS, readClaims, type AsapClaims } from "./claims";
import { AsapError } from "./errors";
import { MAX_CLOCK_SKEW_SECONDS } from "./limits";
import { checkFormat, checkSize, readHeader, STRICT_UTF8, type AsapHeader } from "./token-format";

/**
 * The IAM verifier of the new flow: every rule of DESIGN §2, in a fixed order, each a named check so
 * the portal's debugger can show exactly which one passed or failed. jose verifies the signature;
 * every claim rule is ours, since jose knows nothing of not_before/not_after in milliseconds.
 */
export type VerifyOptions = {
  keys: KeyRing;
  /** Milliseconds since the epoch. */
  now: number;
  clockSkewSeconds: number;
  maxValidityMs?: number;
  /** The add-on logged in to: a token's aud must name it (required with a public key). Unset: not checked. */
  audience?: string;
  /** Refuse tokens without a jti: they could be replayed within their window (on for new add-ons). */
  requireJti?: boolean;
  /**
   * Records a jti and says whether it was already used. Login passes the real store; the debugger a
   * read-only look, so that explaining a token never spends it.
   */
  replay?: (jti: string, expiresAt: Date) => Promise<"fresh" | "replayed">;
};

/** `keyId`: the database id of the key whose signature matched; the session is bound to it. `key`: how the login log names it. */
export type VerifiedToken = { claims: AsapClaims; kid: string; keyId: string; key: string };

export type CheckOutcome = { check: string; passed: boolean; detail: string };

export const CHECKS = ["size", "format", "header", "key", "signature", "claims", "validity window", "clock", "replay"] as const;

type Check = (typeof CHECKS)[number];

export async function verifyAsapToken(token: string, options: VerifyOptions, trace?: CheckOutcome[]): Promise<VerifiedToken> {
  // Straight-line code, no closure or await per check: a login pays for jose and the database, not
  // for the debugger's bookkeeping, which only runs when it asks for a trace.
  let check: Check = "size";
  try {
    checkSize(token);
    if (trace) passed(trace, check, `${Buffer.byteLength(token)} bytes`);
    check = "format";
    checkFormat(token);
    if (trace) passed(trace, check, "three base64url segments");
    check = "header";
    const header = readHeader(token);
    if (trace) passed(trace, check, `alg ${header.alg}${header.kid ? `, kid ${header.kid}` : ", no kid"}`);
    check = "key";
    const now = new Date(options.now);
    // With a kid (every login of a configured app) one key, awaited here: no async step of its own.
    const candidates = header.kid === undefined ? await liveKeys(options.keys, header, now) : [usableKey(header, header.kid, await options.keys.find(header.kid), now)];
    if (trace) passed(trace, check, describeKeys(candidates));
    check = "signature";
    const { payload, kid, keyId, key } = await checkSignature(token, header, candidates);
    if (trace) passed(trace, check, `${header.alg} signature matches key ${kid}`);
    check = "claims";
    const claims = readClaims(payload);
    checkAudience(claims, options.audience, header.keyAlgorithm);
    if (trace) passed(trace, check, `email ${claims.email}, email_verified true${claims.jti ? `, jti ${claims.jti}` : ", no jti"}${describeAudience(claims, options.audience)}`);
    check = "validity window";
    const maxValidityMs = options.maxValidityMs ?? MAX_VALIDITY_MS;
    checkWindow(claims, maxValidityMs);
    if (trace) passed(trace, check, `${Math.round((claims.notAfter - claims.notBefore) / 1000)} s, at most ${maxValidityMs / 1000} s`);
    check = "clock";
    checkClock(claims, options.now, options.clockSkewSeconds);
    if (trace) passed(trace, check, `valid now (tolerance ${options.clockSkewSeconds} s)`);
    check = "replay";
    const replayed = checkReplay(claims, options);
    const replay = typeof replayed === "string" ? replayed : await replayed;
    if (trace) passed(trace, check, replay);
    return { claims, kid, keyId, key };
  } catch (error) {
    if (error instanceof AsapError) trace?.push({ check, passed: false, detail: `${error.code}: ${error.message} ${error.hint}` });
    throw error;
  }
}

function passed(trace: CheckOutcome[], check: Check, detail: string) {
  trace.push({ check, passed: true, detail });
}

/** Without a kid: every live key of the add-on whose algorithm the header names. */
async function liveKeys(keys: KeyRing, header: AsapHeader, now: Date): Promise<RingKey[]> {
  const live = await keys.live(now);
  if (live.length === 0) {
    throw new AsapError("KEY_NOT_FOUND", "The add-on has no live signing key.", "Generate a signing key in the portal.");
  }
  const usable = live.filter((key) => key.algorithm === header.keyAlgorithm);
  if (usable.length === 0) {
    throw new AsapError(
      "ALG_NOT_ALLOWED",
      `The token is signed with ${header.alg}, but no live key of this add-on is a${header.keyAlgorithm === "HS256" ? "n HS256 secret" : ` ${header.keyAlgorithm} key`}.`,
      `Sign with the algorithm of the add-on's key (${[...new Set(live.map((key) => key.algorithm))].join(", ")}), and name it in the kid header.`,
    );
  }
  return usable;
}

/** The key a kid names, if it may verify this token now. */
function usableKey(header: AsapHeader, kid: string, key: RingKey | null, now: Date): RingKey {
  if (!key) {
    throw new AsapError(
      "KEY_NOT_FOUND",
      `No signing key of this add-on has kid "${kid}".`,
      "Use the key id shown in the portal for this add-on (or, with a JWKS URL, one your JWKS publishes), or leave kid out.",
    );
  }
  const state = keyState(key, now);
  if (state.phase === "revoked") {
    throw new AsapError("KEY_REVOKED", `The key "${kid}" was revoked at ${state.at.toISOString()}.`, "Sign with the add-on's current key: generate one in the portal if none is live.");
  }
  if (state.phase === "rotated out") {
    throw new AsapError(
      "KEY_REVOKED",
      `The key "${kid}" was rotated out; it stopped working at ${state.at.toISOString()}.`,
      "Deploy the new key (ASAP_JWT_SECRET and ASAP_JWT_KID) that replaced it.",
    );
  }
  // The key's type fixes the algorithm: an HMAC keyed with a public key's bytes must never verify.
  if (key.algorithm !== header.keyAlgorithm) {
    throw new AsapError(
      "ALG_NOT_ALLOWED",
      `The key "${kid}" is ${key.algorithm === "HS256" ? "an HS256 secret" : `an ${key.algorithm} public key`}, but the token is signed with ${header.alg}.`,
      key.algorithm === "HS256" ? "Sign with HS256 and this key's secret." : `Sign with ${key.algorithm} and the private key whose public half this is.`,
    );
  }
  return key;
}

function describeAudience(claims: AsapClaims, audience: string | undefined): string {
  if (audience === undefined) return claims.audience ? ", aud not checked" : "";
  return claims.audience ? `, aud ${audience}` : "";
}

function describeKeys(keys: RingKey[]): string {
  return keys.length === 1
    ? `key ${keys[0]?.kid} (${keys[0]?.algorithm}${keys[0]?.source === "jwks" ? ", from the JWKS" : ""})`
    : `no kid: trying ${keys.length} live keys (${keys.map((k) => k.kid).join(", ")})`;
}

async function checkSignature(token: string, header: AsapHeader, candidates: RingKey[]): Promise<{ payload: unknown; kid: string; keyId: string; key: string }> {
  for (const key of candidates) {
    let cryptoKey: CryptoKey;
    try {
      cryptoKey = await key.cryptoKey();
    } catch {
      continue; // a row whose key cannot be imported (written by hand, say) verifies nothing, and stops no other
    }
    try {
      const { payload } = await compactVerify(token, cryptoKey, { algorithms: [header.alg] });
      return { payload: parseJson(payload), kid: key.kid, keyId: key.id, key: `${key.algorithm} key ${key.kid}${key.source === "jwks" ? " (from the JWKS)" : ""}` };
    } catch (error) {
      if (error instanceof AsapError) throw error;
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) continue;
      throw new AsapError("TOKEN_MALFORMED", "The token could not be parsed as a JWS.", "Sign the token with a JWT library.");
    }
  }
  throw new AsapError(
    "SIGNATURE_INVALID",
    "The signature does not match the add-on's signing key.",
    header.keyAlgorithm === "HS256"
      ? "Sign with HS256 using the secret's characters as UTF-8 bytes, exactly as shown in the portal: do not base64-decode it. Check that the kid and the secret belong together."
      : `Sign with the private key whose public half the add-on has under this kid (compare the fingerprint in the portal), with ${header.alg}.`,
  );
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(STRICT_UTF8.decode(bytes));
  } catch {
    throw new AsapError("TOKEN_MALFORMED", "The token's payload is not UTF-8 JSON.", "Sign a JSON object of claims.");
  }
}

/** A spent jti: said here, and by a login whose transaction finds it claimed meanwhile. */
export function tokenReplayed(jti: string): AsapError {
  return new AsapError("TOKEN_REPLAYED", `The token with jti "${jti}" was already used to log in.`, "Mint a fresh token, with a new jti, for every login.");
}

/** Synchronous unless there is a store to ask. */
function checkReplay(claims: AsapClaims, { replay, requireJti }: VerifyOptions): string | Promise<string> {
  if (claims.jti === undefined) {
    if (requireJti) {
      throw new AsapError(
        "CLAIM_MISSING",
        "The token has no jti claim, and this add-on requires one.",
        "Give every token a fresh jti (a random UUID): without one, a token could log in again and again until it expires.",
      );
    }
    return "no jti: replay protection needs one (recommended)";
  }
  if (!replay) return "not checked";
  // Remembered until the token could not pass the clock check under any skew the add-on may be
  // given later: raising the skew must not make a spent jti fresh again.
  const expiresAt = new Date(claims.notAfter + MAX_CLOCK_SKEW_SECONDS * 1000);
  const jti = claims.jti;
  return replay(jti, expiresAt).then((outcome) => {
    if (outcome === "replayed") throw tokenReplayed(jti);
    return `jti ${jti} not used before`;
  });
}
