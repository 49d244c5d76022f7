import { mintAsapToken, type AsapClaims, type MintOptions } from "../../packages/asap-playwright/src/mint";
import { UsageError } from "./errors";

/**
 * One signer per algorithm. The Desk takes HS256 only today; an asymmetric algorithm (RS256, ES256)
 * would add its entry here, with its own key input (a private key file), once the Desk verifies it.
 * The minting itself is the toolkit's (packages/asap-playwright), so the CLI and the tests sign alike.
 */
type Signer = (claims: AsapClaims, key: { kid: string | null; secret: string }, options: MintOptions) => Promise<string>;

const SIGNERS = {
  HS256: (claims, key, options) => mintAsapToken(claims, key, options),
} satisfies Record<string, Signer>;

export type Algorithm = keyof typeof SIGNERS;

export const ALGORITHMS = Object.keys(SIGNERS) as Algorithm[];

export function signerFor(alg: string): Signer {
  if (!Object.hasOwn(SIGNERS, alg)) {
    throw new UsageError(`--alg: ${alg} is not supported; the Desk verifies ${ALGORITHMS.join(", ")} only (asymmetric algorithms are not implemented yet)`);
  }
  return SIGNERS[alg as Algorithm];
}
