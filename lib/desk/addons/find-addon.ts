import "server-only";
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
};

/** SQLite answers a raw query's booleans as 0 and 1, PostgreSQL as booleans. */
const flag = (value: unknown) => value === true || value === 1 || value === 1n;

/**
 * An add-on as the IAM server needs it at login, with its allowed origins: one query (a join), where
 * Prisma's nested select takes two; every login starts with it.
 */
export async function findAddonForLogin(addonId: string) {
  const rows = await db.$queryRaw<LoginAddonRow[]>`SELECT a."id", a."name", a."authMode", a."newFlowEnabled", a."legacyFlowEnabled", a."legacyEndpointUrl", a."jwksUrl",
      a."clockSkewSeconds", a."sessionTtlSeconds", a."requireJti", a."reportOnly", o."origin"
    FROM "AsapAddon" a LEFT JOIN "AddonOrigin" o ON o."addonId" = a."id" WHERE a."id" = ${addonId}`;
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
