import "server-only";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import { recordAudit } from "@/lib/desk/audit";
import type { PortalAgent } from "@/lib/desk/portal/agent-session";
import type { AddonSettings } from "@/lib/desk/portal/schemas";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { addonSummary, widgetBranding } from "./select";

/** The portal's add-on data: reads for its pages and audited writes for its forms. */

export function listAddons() {
  return db.asapAddon.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      ...addonSummary,
      _count: {
        select: { keys: { where: liveKeyWhere(new Date()) }, loginEvents: true },
      },
    },
  });
}

export async function getAddon(addonId: string) {
  const addon = await db.asapAddon.findUnique({
    where: { id: addonId },
    select: {
      ...addonSummary,
      legacyEndpointUrl: true,
      jwksUrl: true,
      clockSkewSeconds: true,
      sessionTtlSeconds: true,
      requireJti: true,
      reportOnly: true,
      ...widgetBranding,
      origins: { select: { origin: true }, orderBy: { origin: "asc" } },
      keys: {
        select: { kid: true, algorithm: true, source: true, fingerprint: true, createdAt: true, expiresAt: true, revokedAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  // readAt: the moment key states (live, rotating, rotated out) are judged against.
  return addon && { ...addon, origins: addon.origins.map((o) => o.origin), readAt: new Date() };
}

export type AddonDetail = NonNullable<Awaited<ReturnType<typeof getAddon>>>;

export async function createAddon(input: { name: string; origins: string[] }, actor: PortalAgent): Promise<string> {
  return transaction(async (tx) => {
    const addon = await tx.asapAddon.create({
      data: { name: input.name, authMode: "jwt", origins: { create: input.origins.map((origin) => ({ origin })) } },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "addon.create", target: `addon:${addon.id}`, detail: `Created "${input.name}"` });
    return addon.id;
  });
}

export async function updateAddon(addonId: string, settings: AddonSettings, actor: PortalAgent): Promise<void> {
  await transaction(async (tx) => {
    const before = await tx.asapAddon.findUniqueOrThrow({
      where: { id: addonId },
      select: {
        name: true,
        authMode: true,
        newFlowEnabled: true,
        legacyFlowEnabled: true,
        legacyEndpointUrl: true,
        clockSkewSeconds: true,
        sessionTtlSeconds: true,
        requireJti: true,
        reportOnly: true,
        ...widgetBranding,
        origins: { select: { origin: true } },
      },
    });
    const { origins, ...fields } = settings;
    await tx.asapAddon.update({ where: { id: addonId }, data: fields });
    await tx.addonOrigin.deleteMany({ where: { addonId } });
    await tx.addonOrigin.createMany({ data: origins.map((origin) => ({ addonId, origin })) });

    const changes = Object.entries(fields)
      .filter(([key, value]) => before[key as keyof typeof fields] !== value)
      .map(([key, value]) => `${key}: ${String(before[key as keyof typeof fields])} → ${String(value)}`);
    const previousOrigins = before.origins.map((o) => o.origin).sort().join(" ");
    if (previousOrigins !== [...origins].sort().join(" ")) changes.push(`origins: ${previousOrigins || "none"} → ${origins.join(" ") || "none"}`);
    if (changes.length) {
      await recordAudit(tx, { actorId: actor.id, action: "addon.update", target: `addon:${addonId}`, detail: changes.join("; ") });
    }
  });
}

/**
 * The add-on's JWKS URL, audited. A new or removed URL drops every key read from the old one, and
 * their sessions with them: their authority was that document (the caller reads the new one at
 * once). Dropped rather than revoked, so a kid the new document also lists is simply read again.
 * Says how many keys were dropped.
 */
export async function setJwksUrl(addonId: string, jwksUrl: string | null, actor: PortalAgent): Promise<number> {
  return transaction(async (tx) => {
    const before = await tx.asapAddon.findUniqueOrThrow({ where: { id: addonId }, select: { jwksUrl: true } });
    if (before.jwksUrl === jwksUrl) return 0;
    await tx.asapAddon.update({ where: { id: addonId }, data: { jwksUrl } });
    await recordAudit(tx, { actorId: actor.id, action: "addon.update", target: `addon:${addonId}`, detail: `jwksUrl: ${before.jwksUrl ?? "none"} → ${jwksUrl ?? "none"}` });
    const { count } = await tx.asapKey.deleteMany({ where: { addonId, source: "jwks" } });
    if (count) await recordAudit(tx, { actorId: actor.id, action: "key.jwks-remove", target: `addon:${addonId}`, detail: `Dropped ${count} key(s) read from the previous JWKS URL, and their sessions` });
    return count;
  });
}

/** The portal's "sign out everyone": ends every live widget session of the add-on; says how many. */
export async function signOutAllSessions(addonId: string, actor: PortalAgent): Promise<number> {
  return transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.asapSession.updateMany({ where: { addonId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
    await recordAudit(tx, { actorId: actor.id, action: "sessions.revoke-all", target: `addon:${addonId}`, detail: `Signed out ${count} widget session(s)` });
    return count;
  });
}

export async function disableLegacyFlow(addonId: string, actor: PortalAgent): Promise<void> {
  await transaction(async (tx) => {
    await tx.asapAddon.update({ where: { id: addonId }, data: { legacyFlowEnabled: false } });
    await recordAudit(tx, { actorId: actor.id, action: "addon.update", target: `addon:${addonId}`, detail: "legacyFlowEnabled: true → false (migration finished)" });
  });
}
