import "server-only";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { openSecret } from "./secret-box";

/** A signing key as the verifier needs it: its life-cycle dates and the HMAC key, imported lazily. */
export type RingKey = {
  /** The key's database id: sessions made with it are bound to it. */
  id: string;
  kid: string;
  revokedAt: Date | null;
  /** Set when the key was rotated: it keeps working until then. */
  expiresAt: Date | null;
  cryptoKey(): Promise<CryptoKey>;
};

export interface KeyRing {
  find(kid: string): Promise<RingKey | null>;
  /** The live keys (lib/contract/key-liveness), newest first. */
  live(now: Date): Promise<RingKey[]>;
}

// Imported once per sealed secret: a raw Uint8Array would make jose import it on every verify (~2x slower).
// The sealed text is part of the cache key, so a re-sealed (new) secret under the same kid is a new entry.
const cryptoKeys = new Map<string, Promise<CryptoKey>>();

export function importHmacKey(secret: string): Promise<CryptoKey> {
  // The key is the secret's UTF-8 bytes exactly as shown in the portal (the vendor's secretKey.getBytes()).
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
}

type KeyRow = { id: string; kid: string; secretEncrypted: string; revokedAt: Date | null; expiresAt: Date | null };

function toRingKey(row: KeyRow, masterKey: Buffer): RingKey {
  return {
    id: row.id,
    kid: row.kid,
    revokedAt: row.revokedAt,
    expiresAt: row.expiresAt,
    cryptoKey() {
      const cacheKey = `${row.kid}\u0000${row.secretEncrypted}`;
      let key = cryptoKeys.get(cacheKey);
      if (!key) {
        key = importHmacKey(openSecret(row.secretEncrypted, row.kid, masterKey));
        cryptoKeys.set(cacheKey, key);
      }
      return key;
    },
  };
}

const columns = { id: true, kid: true, secretEncrypted: true, revokedAt: true, expiresAt: true } as const;

export function databaseKeyRing(prisma: PrismaClient, addonId: string, masterKey: Buffer): KeyRing {
  return {
    // Every login asks: one raw statement (Prisma's findFirst costs three times as much).
    async find(kid) {
      const [row] = await prisma.$queryRaw<KeyRow[]>`SELECT "id", "kid", "secretEncrypted", "revokedAt", "expiresAt" FROM "AsapKey" WHERE "addonId" = ${addonId} AND "kid" = ${kid} LIMIT 1`;
      return row ? toRingKey({ ...row, revokedAt: row.revokedAt && new Date(row.revokedAt), expiresAt: row.expiresAt && new Date(row.expiresAt) }, masterKey) : null;
    },
    async live(now) {
      const rows = await prisma.asapKey.findMany({
        where: { addonId, ...liveKeyWhere(now) },
        select: columns,
        orderBy: { createdAt: "desc" },
      });
      return rows.map((row) => toRingKey(row, masterKey));
    },
  };
}
