import "server-only";
import type { KeyRow } from "@/lib/desk/keys/key-ring";
import type { RawSql } from "@/lib/shared/database/raw-sql";
import { db } from "@/lib/shared/db";
import { widgetBranding } from "./select";

type LoginAddonRow = {
  id: string;
  name: string;
  authMode: string;
  newFlowEnabled: unknown;
  legacyFlowEnabled: unknown;
  legacyEndpointUrl: string | null;
  jwksUrl: string | null;
  clockSkewSeconds: number | bigint;
  sessionTtlSeconds: number | bigint;
  requireJti: unknown;
  reportOnly: unknown;
  origin: string | null;
} & { [column in keyof KeyRow as `key_${column}`]: KeyRow[column] | null };

/** SQLite answers a raw query's booleans as 0 and 1, PostgreSQL as booleans. */
const flag = (value: unknown) => value === true || value === 1 || value === 1n;

/**
 * An add-on as the IAM server needs it at login, with its allowed origins and, when the token names
 * a kid, that signing key's row: one query (a join), where Prisma's nested select takes two and the
 * key ring a third; every login starts with it, on the login's connection (`sql`). `signingKey`:
 * undefined when no kid was asked for; its row null when the add-on has no key by that kid.
 */
export async function findAddonForLogin(sql: RawSql, addonId: string, kid?: string) {
  // An empty kid matches no key (kids are never empty): one statement whether or not one is asked for.
  const rows = await sql.$queryRaw<LoginAddonRow[]>`SELECT a."id", a."name", a."authMode", a."newFlowEnabled", a."legacyFlowEnabled", a."legacyEndpointUrl", a."jwksUrl",
      a."clockSkewSeconds", a."sessionTtlSeconds", a."requireJti", a."reportOnly", o."origin",
      k."id" AS "key_id", k."kid" AS "key_kid", k."algorithm" AS "key_algorithm", k."source" AS "key_source", k."secretEncrypted" AS "key_secretEncrypted",
      k."publicKey" AS "key_publicKey", k."revokedAt" AS "key_revokedAt", k."expiresAt" AS "key_expiresAt"
    FROM "AsapAddon" a LEFT JOIN "AddonOrigin" o ON o."addonId" = a."id" LEFT JOIN "AsapKey" k ON k."addonId" = a."id" AND k."kid" = ${kid ?? ""}
    WHERE a."id" = ${addonId}`;
  const [first] = rows;
  if (!first) return null;
  return {
    id: first.id,
    name: first.name,
    authMode: first.authMode,
    newFlowEnabled: flag(first.newFlowEnabled),
    legacyFlowEnabled: flag(first.legacyFlowEnabled),
    legacyEndpointUrl: first.legacyEndpointUrl,
    jwksUrl: first.jwksUrl,
    clockSkewSeconds: Number(first.clockSkewSeconds),
    sessionTtlSeconds: Number(first.sessionTtlSeconds),
    requireJti: flag(first.requireJti),
    reportOnly: flag(first.reportOnly),
    origins: rows.flatMap((row) => (row.origin === null ? [] : [row.origin])),
    signingKey: kid === undefined ? undefined : { kid, row: keyRowOf(first) },
  };
}

function keyRowOf(row: LoginAddonRow): KeyRow | null {
  if (row.key_id === null || row.key_kid === null || row.key_algorithm === null || row.key_source === null) return null;
  return {
    id: row.key_id,
    kid: row.key_kid,
    algorithm: row.key_algorithm,
    source: row.key_source,
    secretEncrypted: row.key_secretEncrypted,
    publicKey: row.key_publicKey,
    revokedAt: row.key_revokedAt,
    expiresAt: row.key_expiresAt,
  };
}

export type LoginAddon = NonNullable<Awaited<ReturnType<typeof findAddonForLogin>>>;

/** What the widget frame needs: who may embed it, how its person signs in, and how it looks. */
export async function findAddonForFrame(addonId: string) {
  const addon = await db.asapAddon.findUnique({
    where: { id: addonId },
    select: { id: true, name: true, authMode: true, reportOnly: true, ...widgetBranding, origins: { select: { origin: true } } },
  });
  return addon && { ...addon, origins: addon.origins.map((o) => o.origin) };
}
