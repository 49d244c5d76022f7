import { createPrivateKey, type KeyObject } from "node:crypto";
import { KEY_ALGORITHMS, keyAlgorithmForHeader, type KeyAlgorithm } from "@/lib/contract/signing-algorithms";
import { algorithmOfPrivateKey, mintAsapToken, type AsapClaims, type MintOptions } from "../../packages/asap-playwright/src/mint";
import { UsageError } from "./errors";
import { readSecret, readTextFile, secretFlagGiven, type Io } from "./io";

/**
 * The key a token is signed with: the add-on's secret (HS256), or a private key (ES256, EdDSA) whose
 * public half the add-on holds. The key's type fixes the algorithm, as the Desk's verifier does; an
 * --alg that disagrees is a usage error here rather than a refusal there. The minting itself is the
 * toolkit's (packages/asap-playwright), so the CLI and the tests sign alike.
 */
export type SigningKey = { algorithm: "HS256"; secret: string } | { algorithm: Exclude<KeyAlgorithm, "HS256">; privateKey: KeyObject };

export const ALGORITHMS = KEY_ALGORITHMS;

export const PRIVATE_KEY_OPTIONS = { "private-key-file": { type: "string" } } as const;

export const PRIVATE_KEY_HELP = `  --private-key-file PATH   sign with this private key instead of a secret: PEM (PKCS#8) or a JWK with "d";
                        P-256 signs ES256, Ed25519 signs EdDSA (npm run -s token -- keygen makes one)`;

/** A private key from a file: PEM, or a JWK as JSON. Its bytes are never printed. */
export function readPrivateKey(file: string): KeyObject {
  const text = readTextFile("--private-key-file", file).trim();
  let key: KeyObject;
  try {
    key = text.startsWith("{") ? createPrivateKey({ key: JSON.parse(text), format: "jwk" }) : createPrivateKey(text);
  } catch {
    throw new UsageError(`--private-key-file: ${file} is not a private key (PEM "PRIVATE KEY", or a JWK with "d")`);
  }
  return key;
}

export function readSigningKey(values: { "private-key-file"?: string; "secret-env"?: string; "secret-file"?: string; secret?: string }, io: Io): SigningKey {
  if (values["private-key-file"] === undefined) return { algorithm: "HS256", secret: readSecret(values, io) };
  const secretFlag = secretFlagGiven(values);
  if (secretFlag) throw new UsageError(`give a secret or a private key, not --${secretFlag} and --private-key-file`);
  const privateKey = readPrivateKey(values["private-key-file"]);
  try {
    return { algorithm: algorithmOfPrivateKey(privateKey), privateKey };
  } catch {
    throw new UsageError(`--private-key-file: a ${privateKey.asymmetricKeyType} key; the Desk verifies ES256 (P-256) and EdDSA (Ed25519)`);
  }
}

/** --alg, when given, must name the algorithm the key fixes. */
export function checkAlgorithm(alg: string | undefined, key: SigningKey): void {
  if (alg === undefined) return;
  const wanted = keyAlgorithmForHeader(alg);
  if (wanted === null) throw new UsageError(`--alg: ${alg} is not supported; the Desk verifies ${ALGORITHMS.join(", ")}`);
  if (wanted !== key.algorithm) {
    throw new UsageError(`--alg ${alg} does not match the key: ${key.algorithm === "HS256" ? "a secret signs HS256" : `this key signs ${key.algorithm}`} (give --private-key-file for ES256 or EdDSA)`);
  }
}

export function signToken(claims: AsapClaims, kid: string | null, key: SigningKey, options: MintOptions): Promise<string> {
  return mintAsapToken(claims, key.algorithm === "HS256" ? { kid, secret: key.secret } : { kid, privateKey: key.privateKey }, options);
}
