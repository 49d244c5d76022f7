import { createPublicKey, type JsonWebKey } from "node:crypto";
import { ed25519 } from "@noble/curves/ed25519.js";
import { calculateJwkThumbprint } from "jose";
import type { KeyAlgorithm } from "@/lib/contract/signing-algorithms";

/**
 * A business's public key, as an admin pastes it (PEM or JWK) or its JWKS publishes it: checked and
 * reduced to the members that define it, with the algorithm its type fixes. ES256 (P-256) and EdDSA
 * (Ed25519) only; a private key is refused with a warning, never stored.
 */
export type PublicAlgorithm = Exclude<KeyAlgorithm, "HS256">;

/** The public JWK's defining members only (RFC 7638's): nothing else of the input is kept. */
export type PublicJwk = { kty: "EC"; crv: "P-256"; x: string; y: string } | { kty: "OKP"; crv: "Ed25519"; x: string };

export type PublicKey = { algorithm: PublicAlgorithm; jwk: PublicJwk; fingerprint: string; kid?: string };

export class PublicKeyError extends Error {
  override name = "PublicKeyError";
  constructor(
    message: string,
    readonly isPrivateKey = false,
  ) {
    super(message);
  }
}

export const MAX_PUBLIC_KEY_CHARS = 8 * 1024;

/** A kid the Desk keeps as given (a JWK's own, a JWKS member's): visible ASCII, nothing a database or a log line could choke on. */
export const isUsableKid = (kid: unknown): kid is string => typeof kid === "string" && /^[\x21-\x7e]{1,128}$/.test(kid);

const PRIVATE_KEY_WARNING =
  "This is a private key: never paste or publish it. Keep it on your server; give the Desk its public half (a PEM \"PUBLIC KEY\", or a JWK without \"d\").";

/** 16 hex characters of the key's RFC 7638 thumbprint: the same key always shows the same fingerprint. */
async function thumbprintFingerprint(jwk: PublicJwk): Promise<string> {
  return Buffer.from(await calculateJwkThumbprint(jwk, "sha256"), "base64url").toString("hex").slice(0, 16);
}

function algorithmOf(jwk: Record<string, unknown>): PublicAlgorithm {
  if (jwk.kty === "EC" && jwk.crv === "P-256") return "ES256";
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519") return "EdDSA";
  const kind = jwk.kty === "RSA" ? "an RSA key" : `a ${String(jwk.kty)}${jwk.crv ? ` ${String(jwk.crv)}` : ""} key`;
  throw new PublicKeyError(`This is ${kind}; the Desk verifies ES256 (EC P-256) and EdDSA (Ed25519) public keys.`);
}

/**
 * An Ed25519 public key must be a point of the prime-order subgroup, as every a·B is. Node and jose
 * accept small-order points (the identity, among others), for which a signature of R = identity,
 * S = 0 verifies over any message: one such key would let anyone sign in as anyone.
 */
function checkEd25519Point(x: string): void {
  let weak: boolean;
  try {
    const point = ed25519.Point.fromBytes(Buffer.from(x, "base64url"));
    weak = point.isSmallOrder() || !point.isTorsionFree();
  } catch {
    weak = true; // not a canonical encoding of a point
  }
  if (weak) throw new PublicKeyError("This Ed25519 key is a weak (small-order) point that any signature could match: it cannot be a real public key.");
}

/** A JWK's members checked against its type: its own "alg" and "use", when given, must agree. */
async function fromJwk(input: Record<string, unknown>): Promise<PublicKey> {
  if ("d" in input) throw new PublicKeyError(PRIVATE_KEY_WARNING, true);
  const algorithm = algorithmOf(input);
  const allowed = algorithm === "ES256" ? ["ES256"] : ["EdDSA", "Ed25519"];
  if (input.alg !== undefined && !allowed.includes(input.alg as string)) {
    throw new PublicKeyError(`The key says alg ${JSON.stringify(input.alg)}, but a ${input.crv} key signs with ${algorithm}.`);
  }
  if (input.use !== undefined && input.use !== "sig") throw new PublicKeyError(`The key is for use ${JSON.stringify(input.use)}; a signing key has use "sig".`);
  let canonical: JsonWebKey;
  try {
    // Node checks the coordinates (an EC point must lie on the curve); its export is the one encoding
    // of the key, so one key never shows two fingerprints (padding, "+/", a leading zero byte).
    const given = algorithm === "ES256" ? { kty: "EC", crv: "P-256", x: input.x, y: input.y } : { kty: "OKP", crv: "Ed25519", x: input.x };
    canonical = createPublicKey({ key: given as JsonWebKey, format: "jwk" }).export({ format: "jwk" });
  } catch {
    throw new PublicKeyError("The key's coordinates are not a valid public key of its curve.");
  }
  const jwk = (algorithm === "ES256" ? { kty: "EC", crv: "P-256", x: canonical.x, y: canonical.y } : { kty: "OKP", crv: "Ed25519", x: canonical.x }) as PublicJwk;
  if (jwk.kty === "OKP") checkEd25519Point(jwk.x);
  const kid = isUsableKid(input.kid) ? input.kid : undefined;
  return { algorithm, jwk, fingerprint: await thumbprintFingerprint(jwk), ...(kid && { kid }) };
}

async function fromPem(pem: string): Promise<PublicKey> {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) throw new PublicKeyError(PRIVATE_KEY_WARNING, true);
  if (!pem.includes("-----BEGIN PUBLIC KEY-----")) {
    throw new PublicKeyError('Paste a PEM public key ("-----BEGIN PUBLIC KEY-----", SPKI), not a certificate or another PEM block.');
  }
  let jwk: JsonWebKey;
  try {
    jwk = createPublicKey({ key: pem, format: "pem" }).export({ format: "jwk" });
  } catch {
    throw new PublicKeyError("The PEM block is not a readable public key.");
  }
  return fromJwk(jwk as Record<string, unknown>);
}

/** An admin's paste: a PEM public key, or one JWK as JSON. */
export function parsePublicKey(text: string): Promise<PublicKey> {
  const input = text.trim();
  if (!input) return Promise.reject(new PublicKeyError("Paste a public key: PEM or JWK."));
  if (input.length > MAX_PUBLIC_KEY_CHARS) return Promise.reject(new PublicKeyError(`A public key is far shorter than ${MAX_PUBLIC_KEY_CHARS} characters.`));
  if (input.startsWith("-----BEGIN")) return fromPem(input);
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    return Promise.reject(new PublicKeyError('This is neither a PEM block ("-----BEGIN PUBLIC KEY-----") nor JSON (a JWK).'));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return Promise.reject(new PublicKeyError("A JWK is a JSON object."));
  if ("keys" in json) {
    return Promise.reject(new PublicKeyError("This is a JWK Set: paste one of its keys, or give the set's URL as the add-on's JWKS URL."));
  }
  return fromJwk(json as Record<string, unknown>);
}

/** A JWKS member: a JSON value from a document the business serves, as hostile as any input. */
export function parseJwksMember(member: unknown): Promise<PublicKey> {
  if (typeof member !== "object" || member === null || Array.isArray(member)) return Promise.reject(new PublicKeyError("not a JSON object"));
  return fromJwk(member as Record<string, unknown>);
}

/** The JWK as stored and imported: its defining members, in a fixed order. */
export function serializeJwk(jwk: PublicJwk): string {
  return JSON.stringify(jwk);
}
