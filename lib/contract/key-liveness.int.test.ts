import { describe, expect, it } from "vitest";
import { db } from "@/lib/shared/db";
import { isKeyLive, liveKeyWhere } from "./key-liveness";

const now = new Date();
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe("liveKeyWhere", () => {
  it("finds in the database exactly the keys isKeyLive calls live", async () => {
    const addon = await db.asapAddon.create({ data: { name: "Key liveness" }, select: { id: true } });
    const dates = [
      { revokedAt: null, expiresAt: null },
      { revokedAt: null, expiresAt: at(1_000) },
      { revokedAt: null, expiresAt: now },
      { revokedAt: null, expiresAt: at(-60_000) },
      { revokedAt: at(-1_000), expiresAt: null },
      { revokedAt: at(-1_000), expiresAt: at(60_000) },
    ];
    const keys = await Promise.all(
      dates.map((date, i) =>
        db.asapKey.create({
          data: { addonId: addon.id, kid: `liveness-${i}`, secretEncrypted: "-", fingerprint: "-", ...date },
          select: { kid: true, revokedAt: true, expiresAt: true },
        }),
      ),
    );
    const found = await db.asapKey.findMany({ where: { addonId: addon.id, ...liveKeyWhere(now) }, select: { kid: true }, orderBy: { kid: "asc" } });
    const live = keys.filter((key) => isKeyLive(key, now)).map((key) => key.kid);
    expect(live).toEqual(["liveness-0", "liveness-1"]);
    expect(found.map((key) => key.kid)).toEqual(live);
  });
});
