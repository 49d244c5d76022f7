import "server-only";
import { db } from "@/lib/shared/db";
import { addonSummary, widgetBranding } from "./select";

/** An add-on as the IAM server needs it at login. */
export async function findAddonForLogin(addonId: string) {
  const addon = await db.asapAddon.findUnique({
    where: { id: addonId },
    select: {
      ...addonSummary,
      legacyEndpointUrl: true,
      clockSkewSeconds: true,
      sessionTtlSeconds: true,
      requireJti: true,
      origins: { select: { origin: true } },
    },
  });
  return addon && { ...addon, origins: addon.origins.map((o) => o.origin) };
}

export type LoginAddon = NonNullable<Awaited<ReturnType<typeof findAddonForLogin>>>;

/** What the widget frame needs: who may embed it, how its person signs in, and how it looks. */
export async function findAddonForFrame(addonId: string) {
  const addon = await db.asapAddon.findUnique({
    where: { id: addonId },
    select: { id: true, name: true, authMode: true, ...widgetBranding, origins: { select: { origin: true } } },
  });
  return addon && { ...addon, origins: addon.origins.map((o) => o.origin) };
}
