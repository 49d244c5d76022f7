import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { idempotencyKey } from "@/lib/contract/desk-api/tickets";
import { IDEMPOTENCY_KEY_HEADER } from "@/lib/contract/desk-api/wire";
import type { Jsonable } from "@/lib/contract/json";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { isUniqueViolation } from "@/lib/shared/db-errors";

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for creations. The key's record is
 * written in the same transaction as the resource, under a unique (scope, key): a racing copy waits
 * for the first to commit, then finds its record and gets the original answer, so a retry never
 * creates a second resource. The same key with another body is refused (422).
 */
/** An answer to store and replay: its status, and a body of the wire type W (lib/contract/desk-api). */
export type StoredResponse<W> = { status: number; body: Jsonable<W> };

const TTL_MS = 24 * 60 * 60 * 1000;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function readIdempotencyKey(headers: Headers): string | null {
  const key = headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  if (!idempotencyKey.safeParse(key).success) {
    throw new AsapError("VALIDATION_FAILED", "The Idempotency-Key header is not valid.", "Send 1 to 255 visible ASCII characters, e.g. a UUID.");
  }
  return key;
}

export async function idempotent<W = never>(
  scope: string,
  key: string | null,
  request: unknown,
  work: (tx: Prisma.TransactionClient) => Promise<StoredResponse<NoInfer<W>>>,
): Promise<StoredResponse<W> & { replayed: boolean }> {
  if (key === null) return { ...(await transaction(work)), replayed: false };
  const requestHash = createHash("sha256").update(canonical(request)).digest("hex");
  try {
    const response = await transaction(async (tx) => {
      const record = await tx.idempotencyRecord.create({ data: { scope, key, requestHash, expiresAt: new Date(Date.now() + TTL_MS) } });
      const result = await work(tx);
      await tx.idempotencyRecord.update({
        where: { id: record.id },
        data: { responseStatus: result.status, responseBody: JSON.stringify(result.body) },
      });
      return result;
    });
    return { ...response, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) throw error; // another unique constraint of the work itself: the caller's to handle
    return replay<W>(existing, requestHash);
  }
}

function replay<W>(existing: { requestHash: string; responseStatus: number | null; responseBody: string | null }, requestHash: string): StoredResponse<W> & { replayed: true } {
  if (existing.responseStatus === null || existing.responseBody === null) {
    throw new AsapError("CONFLICT", "A request with this Idempotency-Key is still being processed.", "Retry in a moment with the same key.");
  }
  if (existing.requestHash !== requestHash) {
    throw new AsapError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different request.", "Use a new key for a new request.");
  }
  // The stored JSON parses back to the wire type itself, which is what the first answer sent.
  const body: W = JSON.parse(existing.responseBody);
  return { status: existing.responseStatus, body: body as Jsonable<W>, replayed: true };
}
