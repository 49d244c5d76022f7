import "server-only";
import { recordAudit } from "@/lib/desk/audit";
import { fetchFromIntegrator, IntegratorFetchError } from "@/lib/desk/iam/integrator-fetch";
import type { ConnectionPolicy } from "@/lib/desk/iam/endpoint-connection";
import { db } from "@/lib/shared/db";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { transaction } from "@/lib/shared/transaction";
import { JwksDocumentError, parseJwksDocument, type SkippedMember } from "./jwks-document";
import { serializeJwk } from "./public-key";

/**
 * Brings an add-on's JWKS keys (AsapKey rows with source "jwks") in step with its document: a new
 * kid becomes a key, a kid gone from the document is revoked (its sessions end), new material under
 * a kid replaces the old. A key revoked in the portal stays revoked while the document still lists
 * it, and a kid the portal made for this add-on is never taken over. Every change is audited.
 */
export const JWKS_TIMEOUT_MS = 3_000;
export const JWKS_MAX_BYTES = 64 * 1024;

export type JwksSyncReport = { added: string[]; changed: string[]; removed: string[]; kept: string[]; skipped: SkippedMember[] };

export class JwksFetchError extends Error {
  override name = "JwksFetchError";
}

export async function fetchJwksDocument(url: string, policy: ConnectionPolicy) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new JwksFetchError("the JWKS URL is not a URL");
  }
  let answer;
  try {
    answer = await fetchFromIntegrator(parsed, { policy, timeoutMs: JWKS_TIMEOUT_MS, maxBodyBytes: JWKS_MAX_BYTES, accept: "application/jwk-set+json, application/json" });
  } catch (error) {
    if (error instanceof IntegratorFetchError) throw new JwksFetchError(error.message);
    throw error;
  }
  if (answer.status !== 200) throw new JwksFetchError(`it answered HTTP ${answer.status}`);
  try {
    return await parseJwksDocument(answer.body);
  } catch (error) {
    if (error instanceof JwksDocumentError) throw new JwksFetchError(error.message);
    throw error;
  }
}

const target = (addonId: string, kid: string) => `addon:${addonId}/key:${kid}`;

export async function syncJwks(addonId: string, url: string, policy: ConnectionPolicy): Promise<JwksSyncReport> {
  const document = await fetchJwksDocument(url, policy);
  const report: JwksSyncReport = { added: [], changed: [], removed: [], kept: [], skipped: [...document.skipped] };
  const rows = await db.asapKey.findMany({ where: { addonId }, select: { id: true, kid: true, source: true, publicKey: true, revokedAt: true } });
  const byKid = new Map(rows.map((row) => [row.kid, row]));
  const now = new Date();

  for (const key of document.keys) {
    const row = byKid.get(key.kid);
    const publicKey = serializeJwk(key.jwk);
    if (row && row.source !== "jwks") {
      report.skipped.push({ kid: key.kid, reason: "a key made in the portal for this add-on has this kid" });
    } else if (row?.revokedAt) {
      report.skipped.push({ kid: key.kid, reason: "revoked (in the portal, or when it left the JWKS): publish a new key under a new kid" });
    } else if (row && row.publicKey === publicKey) {
      report.kept.push(key.kid);
    } else if (row) {
      await transaction(async (tx) => {
        await tx.asapKey.update({ where: { id: row.id }, data: { algorithm: key.algorithm, publicKey, fingerprint: key.fingerprint } });
        await recordAudit(tx, { actorId: null, action: "key.jwks-change", target: target(addonId, key.kid), detail: `The JWKS published new ${key.algorithm} material under ${key.kid} (fingerprint ${key.fingerprint})` });
      });
      report.changed.push(key.kid);
    } else {
      try {
        await transaction(async (tx) => {
          await tx.asapKey.create({ data: { addonId, kid: key.kid, algorithm: key.algorithm, source: "jwks", publicKey, fingerprint: key.fingerprint } });
          await recordAudit(tx, { actorId: null, action: "key.jwks-add", target: target(addonId, key.kid), detail: `Read ${key.algorithm} key ${key.kid} from the JWKS (fingerprint ${key.fingerprint})` });
        });
        report.added.push(key.kid);
      } catch (error) {
        // Another instance read the same document a moment earlier: its row is this one.
        if (!isUniqueViolation(error)) throw error;
        report.kept.push(key.kid);
      }
    }
  }

  const published = new Set(document.keys.map((key) => key.kid));
  for (const row of rows) {
    if (row.source !== "jwks" || row.revokedAt || published.has(row.kid)) continue;
    await transaction(async (tx) => {
      const revoked = await tx.asapKey.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
      if (revoked.count === 1) {
        await recordAudit(tx, { actorId: null, action: "key.jwks-remove", target: target(addonId, row.kid), detail: `${row.kid} is no longer in the JWKS: refused from now on` });
      }
    });
    report.removed.push(row.kid);
  }
  return report;
}
