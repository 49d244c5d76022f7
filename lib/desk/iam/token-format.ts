import type { ProtectedHeaderParameters } from "jose";
import { keyAlgorithmForHeader, type KeyAlgorithm } from "@/lib/contract/signing-algorithms";
import { AsapError } from "./errors";

export const MAX_TOKEN_BYTES = 8 * 1024;

// Exactly three unpadded base64url segments: jose on Node 20 tolerates "=" padding and white space,
// which makes tokens malleable (draft-ietf-oauth-rfc8725bis §3.14 says reject).
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function checkSize(token: string): void {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: a short token needs no counting.
  if (token.length * 3 > MAX_TOKEN_BYTES && Buffer.byteLength(token, "utf8") > MAX_TOKEN_BYTES) {
    throw new AsapError(
      "TOKEN_TOO_LARGE",
      `The token is larger than ${MAX_TOKEN_BYTES / 1024} KiB.`,
      "Sign only the claims ASAP reads: email, email_verified, name, not_before, not_after, jti.",
    );
  }
}

export function checkFormat(token: string): void {
  if (!COMPACT_JWS.test(token)) {
    throw new AsapError(
      "TOKEN_MALFORMED",
      "The token is not a compact JWS: three base64url segments separated by dots.",
      "Send the token exactly as your JWT library produced it: no quotes, spaces, padding or 'Bearer ' prefix.",
    );
  }
}

/** One decoder for every token's header and payload: making one per call costs more than the rest of the claims check. */
export const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A token's first segment as a JSON object, or null: what jose's decodeProtectedHeader accepts, at half its
 * cost (a login decodes every header twice already: jose again, as it verifies). checkFormat has
 * vouched for the characters; a length of 4n+1 is no base64 at all, and the text must be UTF-8 (a
 * byte-order mark is dropped, as jose's decoder drops it).
 */
function decodeHeader(segment: string): ProtectedHeaderParameters | null {
  if (segment.length % 4 === 1) return null;
  try {
    const header: unknown = JSON.parse(STRICT_UTF8.decode(Buffer.from(segment, "base64url")));
    return typeof header === "object" && header !== null && !Array.isArray(header) ? (header as ProtectedHeaderParameters) : null;
  } catch {
    return null;
  }
}

/** The kid a well-formed token names, or undefined; never throws: the verifier refuses the rest, with their codes. */
export function peekKid(token: string): string | undefined {
  try {
    checkSize(token);
    checkFormat(token);
    return readHeader(token).kid;
  } catch {
    return undefined;
  }
}

export type AsapHeader = Readonly<{ alg: string; keyAlgorithm: KeyAlgorithm; kid?: string }>;

/**
 * Headers already read, by their segment: an app signs all its tokens with one or two headers (alg,
 * typ, kid), so most logins find theirs here rather than decode it again. What readHeader makes of a
 * segment depends on the segment alone; only accepted ones are kept, short ones, at most
 * KNOWN_HEADERS of them (all forgotten when full).
 */
const knownHeaders = new Map<string, AsapHeader>();
const KNOWN_HEADERS = 64;
const KNOWN_SEGMENT_LENGTH = 512;

/**
 * alg must be one a key of the Desk can verify (HS256, ES256, EdDSA: never "none", never a longer HMAC
 * or RSA); which one a token may use is its key's to say (./verify-token). typ, when present, JWT.
 */
export function readHeader(token: string): AsapHeader {
  const segment = token.slice(0, token.indexOf("."));
  const known = knownHeaders.get(segment);
  if (known) return known;
  const header = parseHeader(segment);
  if (segment.length <= KNOWN_SEGMENT_LENGTH) {
    if (knownHeaders.size >= KNOWN_HEADERS) knownHeaders.clear();
    // A copy: a slice of the token would keep the whole token (its claims) alive with the key.
    knownHeaders.set(Buffer.from(segment, "latin1").toString("latin1"), header);
  }
  return header;
}

function parseHeader(segment: string): AsapHeader {
  const header = decodeHeader(segment);
  if (header === null) {
    throw new AsapError("TOKEN_MALFORMED", "The token's header is not base64url-encoded JSON.", "Sign the token with a JWT library.");
  }
  const keyAlgorithm = keyAlgorithmForHeader(header.alg);
  if (keyAlgorithm === null) {
    throw new AsapError(
      "ALG_NOT_ALLOWED",
      `The token is signed with alg ${JSON.stringify(header.alg ?? null)}; only HS256, ES256 and EdDSA are accepted.`,
      "Sign with HS256 and the add-on's secret, or with ES256 or EdDSA and the private key whose public half the add-on has.",
    );
  }
  if (header.typ !== undefined && header.typ !== "JWT") {
    throw new AsapError("TOKEN_MALFORMED", `The token's typ header is ${JSON.stringify(header.typ)}.`, 'Leave typ out, or set it to "JWT".');
  }
  if (header.kid !== undefined && (typeof header.kid !== "string" || header.kid.length === 0 || header.kid.length > 128)) {
    throw new AsapError("TOKEN_MALFORMED", "The token's kid header is not a short string.", "Set kid to the key id shown in the portal.");
  }
  const alg = header.alg as string;
  return Object.freeze(header.kid === undefined ? { alg, keyAlgorithm } : { alg, keyAlgorithm, kid: header.kid });
}
