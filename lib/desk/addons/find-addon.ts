import "server-only";
import { db } from "@/lib/shared/db";
import { addonSummary } from "./select";

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
