import "server-only";
import { recordAudit } from "@/lib/desk/audit";
import { fetchFromIntegrator, IntegratorFetchError, type IntegratorAnswer } from "@/lib/desk/iam/integrator-fetch";
import type { ConnectionPolicy } from "@/lib/desk/iam/endpoint-connection";
import { db } from "@/lib/shared/db";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { transaction } from "@/lib/shared/transaction";
import type { Prisma } from "@prisma/client";
import { JwksDocumentError, parseJwksDocument, type SkippedMember } from "./jwks-document";
import { serializeJwk } from "./public-key";

/**
 * Brings an add-on's JWKS keys (AsapKey rows with source "jwks") in step with its document: a new
 * kid becomes a key; a kid the document no longer names is deleted, and its sessions with it; new
 * material under a kid replaces the old and ends the sessions the old material made (a re-key after
 * a leak). A kid the document names but the Desk cannot use is left as it is, so a member that fails
 * to parse for a moment revokes nothing. A key revoked in the portal stays revoked while the document
 * lists it, and a kid the portal made for this add-on is never taken over. Every write first checks,
 * in its own transaction, that the add-on still reads this URL: a read that raced a change of URL
 * writes nothing. Every change is audited.
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
  // The portal allows only these; a row written some other way is held to the same rule here.
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && policy.allowPrivateAddresses)) {
    throw new JwksFetchError(`the JWKS URL is not https (${parsed.protocol})`);
  }
  let answer: IntegratorAnswer;
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

class UrlChanged extends Error {}

/**
 * One write, in a transaction that first claims the add-on row while it still reads `url` (a write
 * to that row, so PostgreSQL locks it against a concurrent change of URL until this commits).
 */
async function whileUrlHolds<T>(addonId: string, url: string, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return transaction(async (tx) => {
    const held = await tx.asapAddon.updateMany({ where: { id: addonId, jwksUrl: url }, data: { jwksUrl: url } });
    if (held.count !== 1) throw new UrlChanged();
    return write(tx);
  });
}

export async function syncJwks(addonId: string, url: string, policy: ConnectionPolicy): Promise<JwksSyncReport> {
  const document = await fetchJwksDocument(url, policy);
  const report: JwksSyncReport = { added: [], changed: [], removed: [], kept: [], skipped: [...document.skipped] };
  const rows = await db.asapKey.findMany({ where: { addonId }, select: { id: true, kid: true, source: true, publicKey: true, revokedAt: true } });
  const byKid = new Map(rows.map((row) => [row.kid, row]));
  const now = new Date();
  try {
    for (const key of document.keys) {
      const row = byKid.get(key.kid);
      const publicKey = serializeJwk(key.jwk);
      if (row && row.source !== "jwks") {
        report.skipped.push({ kid: key.kid, reason: "a key made in the portal for this add-on has this kid" });
      } else if (row?.revokedAt) {
        report.skipped.push({ kid: key.kid, reason: "revoked in the portal: publish a new key under a new kid" });
      } else if (row && row.publicKey === publicKey) {
        report.kept.push(key.kid);
      } else if (row) {
        await whileUrlHolds(addonId, url, async (tx) => {
          await tx.asapKey.update({ where: { id: row.id }, data: { algorithm: key.algorithm, publicKey, fingerprint: key.fingerprint } });
          // Sessions the old material made end with it: a business re-keys under one kid after a leak.
          const ended = await tx.asapSession.updateMany({ where: { keyId: row.id, revokedAt: null }, data: { revokedAt: now } });
          await recordAudit(tx, {
            actorId: null,
            action: "key.jwks-change",
            target: target(addonId, key.kid),
            detail: `The JWKS published new ${key.algorithm} material under ${key.kid} (fingerprint ${key.fingerprint}); ${ended.count} session(s) made with the old material ended`,
          });
        });
        report.changed.push(key.kid);
      } else {
        try {
          await whileUrlHolds(addonId, url, async (tx) => {
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

    // Only a kid the document no longer names at all is removed: one it names but the Desk could not
    // use this time (a member that failed to parse, one past the limit) keeps its row.
    const named = new Set([...document.keys.map((key) => key.kid), ...document.skipped.flatMap((skip) => (skip.kid ? [skip.kid] : []))]);
    for (const row of rows) {
      if (row.source !== "jwks" || row.revokedAt || named.has(row.kid)) continue;
      await whileUrlHolds(addonId, url, async (tx) => {
        // Deleted, not revoked: its sessions go with it (cascade), and the kid may come back later.
        const { count } = await tx.asapKey.deleteMany({ where: { id: row.id, revokedAt: null } });
        if (count === 1) {
          await recordAudit(tx, { actorId: null, action: "key.jwks-remove", target: target(addonId, row.kid), detail: `${row.kid} is no longer in the JWKS: refused from now on, its sessions ended` });
        }
      });
      report.removed.push(row.kid);
    }
  } catch (error) {
    if (error instanceof UrlChanged) throw new JwksFetchError("the add-on's JWKS URL changed while it was read: nothing was written");
    throw error;
  }
  return report;
}
