import "server-only";
import { db } from "@/lib/shared/db";

/** An add-on as the IAM server needs it at login. */
export async function findAddonForLogin(addonId: string) {
  const addon = await db.asapAddon.findUnique({
    where: { id: addonId },
    select: {
      id: true,
      name: true,
      authMode: true,
      newFlowEnabled: true,
      legacyFlowEnabled: true,
      clockSkewSeconds: true,
      sessionTtlSeconds: true,
      origins: { select: { origin: true } },
    },
  });
  return addon && { ...addon, origins: addon.origins.map((o) => o.origin) };
}

export type LoginAddon = NonNullable<Awaited<ReturnType<typeof findAddonForLogin>>>;
