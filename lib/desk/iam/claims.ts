import { z } from "zod";
import { findIllFormed } from "@/lib/shared/unicode";
import { AsapError } from "./errors";

/**
 * The ASAP JWT's claims (DESIGN §2), read into a typed object. Unknown claims are dropped, never
 * spread, so a "__proto__" claim reaches nothing. Times: `not_before`/`not_after` and the vendor's
 * `exp` alias are milliseconds; the `nbf`/`iat` aliases are seconds.
 */
export type AsapClaims = {
  email: string;
  name?: string;
  jti?: string;
  /** The add-on ids the token is for (`aud`), when it names any. */
  audience?: string[];
  /** Milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
};


export const MAX_VALIDITY_MS = 10 * 60 * 1000;

/** Below this a "milliseconds" value is really seconds (1e11 ms is March 1973; 1e11 s is the year 5138). */
const MS_FLOOR = 1e11;

const EMAIL = z.regexes.email;

/** How a hint words each claim's rule. */
const CLAIM_RULES = {
  email: "a valid email address of at most 254 characters",
  email_verified: "the boolean true",
  name: "a string of at most 100 characters",
  jti: "a non-empty string of at most 255 characters",
  aud: "the add-on's id (a string), or a list of at most 10 of them",
  not_before: "an integer: milliseconds since the epoch",
  not_after: "an integer: milliseconds since the epoch",
  nbf: "an integer: seconds since the epoch",
  iat: "an integer: seconds since the epoch",
  exp: "an integer: milliseconds since the epoch (the vendor's unit, unlike RFC 7519)",
} as const;

type Claim = keyof typeof CLAIM_RULES;

/** A payload every rule of CLAIM_RULES holds for. */
type CheckedClaims = {
  email: string;
  email_verified: boolean;
  name?: string;
  jti?: string;
  aud?: string | string[];
  not_before?: number;
  not_after?: number;
  nbf?: number;
  iat?: number;
  exp?: number;
};

const isText = (value: unknown, min: number, max: number): value is string => typeof value === "string" && value.length >= min && value.length <= max;
const isTime = (value: unknown) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isAudience = (value: unknown) => isText(value, 1, 255) || (Array.isArray(value) && value.length >= 1 && value.length <= 10 && value.every((id) => isText(id, 1, 255)));

/**
 * The first claim (in CLAIM_RULES' order) whose rule fails, or null. Plain code rather than a zod
 * schema: every login reads these, and a schema's bookkeeping cost more than the rules themselves.
 */
function firstInvalid(claims: Partial<Record<Claim, unknown>>): Claim | null {
  if (!isText(claims.email, 0, 254) || !EMAIL.test(claims.email)) return "email";
  if (typeof claims.email_verified !== "boolean") return "email_verified";
  if (claims.name !== undefined && !isText(claims.name, 0, 100)) return "name";
  if (claims.jti !== undefined && !isText(claims.jti, 1, 255)) return "jti";
  if (claims.aud !== undefined && !isAudience(claims.aud)) return "aud";
  if (claims.not_before !== undefined && !isTime(claims.not_before)) return "not_before";
  if (claims.not_after !== undefined && !isTime(claims.not_after)) return "not_after";
  if (claims.nbf !== undefined && !isTime(claims.nbf)) return "nbf";
  if (claims.iat !== undefined && !isTime(claims.iat)) return "iat";
  if (claims.exp !== undefined && !isTime(claims.exp)) return "exp";
  return null;
}

function missing(claim: string, hint: string): AsapError {
  return new AsapError("CLAIM_MISSING", `The token has no ${claim} claim.`, hint);
}

function invalid(claim: Claim, hint = `${claim} must be ${CLAIM_RULES[claim]}.`): AsapError {
  return new AsapError("CLAIM_INVALID", `The ${claim} claim is not valid.`, hint);
}

/**
 * Shape and presence of every claim: CLAIM_MISSING, CLAIM_INVALID or EMAIL_NOT_VERIFIED; and
 * VALIDATION_FAILED for ill-formed Unicode anywhere in the payload, as for any other Desk input.
 */
export function readClaims(payload: unknown): AsapClaims {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new AsapError("TOKEN_MALFORMED", "The token's payload is not a JSON object.", "Sign a JSON object of claims.");
  }
  const illFormed = findIllFormed(payload);
  if (illFormed) {
    // The text is never echoed: it could not be stored in the login log either.
    throw new AsapError(
      "VALIDATION_FAILED",
      illFormed.inKey ? `A claim name ("${illFormed.path}") is not well-formed Unicode.` : `The ${illFormed.path} claim is not well-formed Unicode.`,
      "A \\uD800–\\uDFFF escape in the payload's JSON must be half of a surrogate pair, never alone: check how your app builds the claim's text (a string cut in the middle of an emoji, say).",
    );
  }
  if (!present(payload, "email")) throw missing("email", "Add the user's email address: it identifies the Desk contact.");
  if (!present(payload, "email_verified")) throw missing("email_verified", "Add email_verified: true once your app has verified the address.");
  if (!present(payload, "not_before") && !present(payload, "nbf") && !present(payload, "iat")) {
    throw missing("not_before", "Add not_before: the time the token becomes valid, in milliseconds since the epoch (Date.now()).");
  }
  if (!present(payload, "not_after") && !present(payload, "exp")) {
    throw missing("not_after", "Add not_after: when the token stops being valid, in milliseconds since the epoch (at most 10 minutes after not_before).");
  }

  const broken = firstInvalid(payload);
  if (broken) throw invalid(broken);
  const claims = payload as CheckedClaims;
  if (!claims.email_verified) {
    throw new AsapError(
      "EMAIL_NOT_VERIFIED",
      "The token says the user's email address is not verified.",
      "Only sign tokens for users whose address your app has verified, with email_verified: true.",
    );
  }

  // Built field by field: every login reads claims, and spreading costs as much as the rest here.
  const read: AsapClaims = { email: claims.email.toLowerCase(), notBefore: startOf(claims), notAfter: endOf(claims) };
  if (claims.name !== undefined) read.name = claims.name;
  if (claims.jti !== undefined) read.jti = claims.jti;
  if (claims.aud !== undefined) read.audience = typeof claims.aud === "string" ? [claims.aud] : claims.aud;
  return read;
}

function present(payload: object, claim: string): boolean {
  return Object.hasOwn(payload, claim) && (payload as Record<string, unknown>)[claim] !== null;
}

function startOf(claims: CheckedClaims): number {
  if (claims.not_before !== undefined) return milliseconds("not_before", claims.not_before);
  const [claim, value]: [Claim, number] = claims.nbf !== undefined ? ["nbf", claims.nbf] : ["iat", claims.iat ?? 0];
  if (value >= MS_FLOOR) {
    throw invalid(claim, `${claim} looks like milliseconds (${value}); as an alias of not_before it must be seconds since the epoch. Divide by 1000, or send not_before in milliseconds.`);
  }
  return value * 1000;
}

function endOf(claims: CheckedClaims): number {
  return claims.not_after !== undefined ? milliseconds("not_after", claims.not_after) : milliseconds("exp", claims.exp ?? 0);
}

function milliseconds(claim: Claim, value: number): number {
  if (value < MS_FLOOR) {
    throw invalid(claim, `${claim} is in seconds (${value}); it must be milliseconds since the epoch. Multiply by 1000 (in JavaScript: Date.now()).`);
  }
  return value;
}

/**
 * Which add-on a token is for. A generated secret belongs to one add-on, but one public key may serve
 * several (staging and production reading one JWKS): a token signed with it must name its add-on in
 * `aud`, or a token minted for one would log in to the other. Any token that names add-ons must name
 * this one. `addonId` undefined: not checked (the offline CLI without --aud).
 */
export function checkAudience(claims: AsapClaims, addonId: string | undefined, keyAlgorithm: string): void {
  if (addonId === undefined) return;
  if (claims.audience === undefined) {
    if (keyAlgorithm === "HS256") return;
    throw missing("aud", `A token signed with a public key (${keyAlgorithm}) must name its add-on: set aud to "${addonId}". One key may serve several add-ons; aud keeps a token for one out of the others.`);
  }
  if (!claims.audience.includes(addonId)) {
    throw invalid("aud", `The token is for ${claims.audience.map((id) => JSON.stringify(id)).join(", ")}, not this add-on: set aud to "${addonId}".`);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The validity window: not_after after not_before (CLAIM_INVALID), and not too long (VALIDITY_TOO_LONG). */
export function checkWindow({ notBefore, notAfter }: AsapClaims, maxValidityMs = MAX_VALIDITY_MS): void {
  if (notAfter <= notBefore) {
    throw invalid("not_after", `not_after (${iso(notAfter)}) must be later than not_before (${iso(notBefore)}).`);
  }
  if (notAfter - notBefore > maxValidityMs) {
    const minutes = Math.round((notAfter - notBefore) / 60_000);
    throw new AsapError(
      "VALIDITY_TOO_LONG",
      `The token is valid for ${minutes} minutes; at most ${maxValidityMs / 60_000} are allowed.`,
      "Mint a fresh short-lived token for each login: not_after = not_before + 300000 (5 minutes) is the usual choice.",
    );
  }
}

/** The clock, with the add-on's tolerance each way: TOKEN_NOT_YET_VALID, TOKEN_EXPIRED. */
export function checkClock({ notBefore, notAfter }: AsapClaims, now: number, clockSkewSeconds: number): void {
  const skewMs = clockSkewSeconds * 1000;
  if (now + skewMs < notBefore) {
    throw new AsapError(
      "TOKEN_NOT_YET_VALID",
      `The token is not valid before ${iso(notBefore)}; the Desk's clock says ${iso(now)}.`,
      `Set not_before to the current time, and check the signing server's clock (tolerance: ${clockSkewSeconds} s).`,
    );
  }
  if (now - skewMs >= notAfter) {
    throw new AsapError(
      "TOKEN_EXPIRED",
      `The token expired at ${iso(notAfter)}; the Desk's clock says ${iso(now)}.`,
      `Mint the token right before login rather than caching it, and check the signing server's clock (tolerance: ${clockSkewSeconds} s).`,
    );
  }
}
