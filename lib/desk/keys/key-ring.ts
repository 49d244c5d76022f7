import "server-only";
import { importJWK } from "jose";
import { liveKeyWhere } from "@/lib/contract/key-liveness";
import { isKeyAlgorithm, type KeyAlgorithm, type KeySource } from "@/lib/contract/signing-algorithms";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { openSecret } from "./secret-box";

/** A signing key as the verifier needs it: its algorithm, life-cycle dates and the key, imported lazily. */
export type RingKey = {
  /** The key's database id: sessions made with it are bound to it. */
  id: string;
  kid: string;
  /** Fixed when the key was made; a token must be signed with exactly this algorithm. */
  algorithm: KeyAlgorithm;
  source: KeySource;
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

/**
 * The add-on's JWKS, when it has one: its keys are kept as AsapKey rows (source "jwks"), which a
 * refresh brings in step with the document. `refresh` says whether a fetch happened (none during the
 * cool-down) and throws the login's error when the document cannot be read.
 */
export interface JwksKeys {
  /** Re-reads the document when the copy is older than its lifetime (says whether it did); a failure keeps the old rows. */
  ensureFresh(): Promise<boolean>;
  /** Re-reads it now for a kid the rows lack, unless it was read within the cool-down. */
  refreshForUnknownKid(): Promise<boolean>;
}

// Imported once per key material: a raw Uint8Array would make jose import it on every verify (~2x slower).
// The sealed secret or public JWK is part of the cache key, so new material under one kid is a new entry.
// Bounded: a JWKS that keeps publishing new kids must not grow it without end.
const cryptoKeys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 1_000;

export function importHmacKey(secret: string): Promise<CryptoKey> {
  // The key is the secret's UTF-8 bytes exactly as shown in the portal (the vendor's secretKey.getBytes()).
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
}

export async function importPublicKey(algorithm: Exclude<KeyAlgorithm, "HS256">, jwk: string): Promise<CryptoKey> {
  const key = await importJWK(JSON.parse(jwk), algorithm);
  if (key instanceof Uint8Array) throw new Error("a public key imported as bytes");
  return key;
}

/** An AsapKey row as raw SQL reads it (SQLite may answer dates as text). */
export type KeyRow = {
  id: string;
  kid: string;
  algorithm: string;
  source: string;
  secretEncrypted: string | null;
  publicKey: string | null;
  revokedAt: Date | string | null;
  expiresAt: Date | string | null;
};

function importRowKey(row: KeyRow, algorithm: KeyAlgorithm, masterKey: Buffer): Promise<CryptoKey> {
  if (algorithm === "HS256") {
    if (row.secretEncrypted === null) throw new Error(`key ${row.kid} is HS256 without a secret`);
    return importHmacKey(openSecret(row.secretEncrypted, row.kid, masterKey));
  }
  if (row.publicKey === null) throw new Error(`key ${row.kid} is ${algorithm} without a public key`);
  return importPublicKey(algorithm, row.publicKey);
}

function toRingKey(row: KeyRow, masterKey: Buffer): RingKey {
  // A row no algorithm of ours names verifies nothing: it can only have been written by hand.
  const algorithm = isKeyAlgorithm(row.algorithm) ? row.algorithm : "HS256";
  const material = row.secretEncrypted ?? row.publicKey ?? "";
  return {
    id: row.id,
    kid: row.kid,
    algorithm,
    source: row.source as KeySource,
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
    expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt),
    cryptoKey() {
      const cacheKey = `${row.kid}\u0000${algorithm}\u0000${material}`;
      let key = cryptoKeys.get(cacheKey);
      if (!key) {
        if (cryptoKeys.size >= MAX_CACHED_KEYS) cryptoKeys.clear();
        key = importRowKey(row, algorithm, masterKey);
        cryptoKeys.set(cacheKey, key);
        key.catch(() => cryptoKeys.delete(cacheKey));
      }
      return key;
    },
  };
}

const columns = { id: true, kid: true, algorithm: true, source: true, secretEncrypted: true, publicKey: true, revokedAt: true, expiresAt: true } as const;

/**
 * `read`: the row of one kid, already read with the add-on (lib/desk/addons/find-addon.ts): the
 * first find of that kid takes it instead of asking again. Only the first: a JWKS refresh reads anew.
 */
export type KeyRingOptions = { addonId: string; masterKey: Buffer; jwks?: JwksKeys; read?: { kid: string; row: KeyRow | null } };

export function databaseKeyRing(prisma: PrismaClient, { addonId, masterKey, jwks, read }: KeyRingOptions): KeyRing {
  let alreadyRead = read;
  // Every login asks: one raw statement (Prisma's findFirst costs three times as much).
  const select = async (kid: string) => {
    const [row] = await prisma.$queryRaw<KeyRow[]>`SELECT "id", "kid", "algorithm", "source", "secretEncrypted", "publicKey", "revokedAt", "expiresAt"
      FROM "AsapKey" WHERE "addonId" = ${addonId} AND "kid" = ${kid} LIMIT 1`;
    return row ? toRingKey(row, masterKey) : null;
  };
  const firstSelect = (kid: string) => {
    const known = alreadyRead?.kid === kid ? alreadyRead : undefined;
    alreadyRead = undefined;
    if (!known) return select(kid);
    return known.row ? toRingKey(known.row, masterKey) : null;
  };
  return {
    async find(kid) {
      const key = await firstSelect(kid);
      // A key made in the portal owes nothing to the JWKS: its logins never wait for a read.
      if (!jwks || (key && key.source !== "jwks")) return key;
      if (key) return (await jwks.ensureFresh()) ? select(kid) : key;
      return (await jwks.refreshForUnknownKid()) ? select(kid) : null;
    },
    async live(now) {
      await jwks?.ensureFresh();
      const rows = await prisma.asapKey.findMany({
        where: { addonId, ...liveKeyWhere(now) },
        select: columns,
        orderBy: { createdAt: "desc" },
      });
      return rows.map((row) => toRingKey(row, masterKey));
    },
  };
}
