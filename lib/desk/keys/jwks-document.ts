import { isUsableKid, parseJwksMember, PublicKeyError, type PublicKey } from "./public-key";

/**
 * A JWK Set (RFC 7517 §5) as the business serves it: only its signing keys the Desk can verify, each
 * named by a kid. Members the Desk cannot use are skipped with a reason the portal shows; a private
 * key published by mistake is skipped too, and its admin is told.
 */
export const MAX_JWKS_MEMBERS = 20;

export type JwksKey = PublicKey & { kid: string };
export type SkippedMember = { kid: string | null; reason: string };
export type JwksDocument = { keys: JwksKey[]; skipped: SkippedMember[] };

export class JwksDocumentError extends Error {
  override name = "JwksDocumentError";
}

function kidOf(member: unknown): string | null {
  const kid = typeof member === "object" && member !== null ? (member as { kid?: unknown }).kid : undefined;
  return isUsableKid(kid) ? kid : null;
}

const hasKid = (member: unknown) => typeof member === "object" && member !== null && "kid" in member;

export async function parseJwksDocument(body: string): Promise<JwksDocument> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new JwksDocumentError("the answer is not JSON");
  }
  const members = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as { keys?: unknown }).keys : undefined;
  if (!Array.isArray(members)) throw new JwksDocumentError('the answer has no "keys" array (a JWK Set is { "keys": [ … ] })');

  const keys: JwksKey[] = [];
  const skipped: SkippedMember[] = [];
  for (const [index, member] of members.entries()) {
    const kid = kidOf(member);
    if (index >= MAX_JWKS_MEMBERS) {
      skipped.push({ kid, reason: `only the first ${MAX_JWKS_MEMBERS} keys are read` });
      continue;
    }
    if (kid === null) {
      const reason = hasKid(member)
        ? "its kid is not 1 to 128 visible ASCII characters"
        : "no kid: the Desk names a JWKS key by its kid, which tokens must carry";
      skipped.push({ kid: null, reason });
      continue;
    }
    if (keys.some((key) => key.kid === kid)) {
      skipped.push({ kid, reason: "a second key with the same kid" });
      continue;
    }
    try {
      keys.push({ ...(await parseJwksMember(member)), kid });
    } catch (error) {
      if (!(error instanceof PublicKeyError)) throw error;
      skipped.push({ kid, reason: error.message });
    }
  }
  return { keys, skipped };
}
