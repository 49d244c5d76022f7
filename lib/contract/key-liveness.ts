/**
 * When an add-on's signing key is live: not revoked, and not past the end of its rotation overlap (a
 * rotated key keeps working until its expiresAt). The verifier, widget sessions, the key admin and the
 * portal all apply this one rule: on a row (keyState, isKeyLive) or in a query (liveKeyWhere).
 */
export type KeyDates = { revokedAt: Date | null; expiresAt: Date | null };

export type KeyState =
  | { phase: "live" }
  /** Rotated: still works until `until`. */
  | { phase: "rotating"; until: Date }
  | { phase: "rotated out"; at: Date }
  | { phase: "revoked"; at: Date };

export function keyState({ revokedAt, expiresAt }: KeyDates, now: Date): KeyState {
  if (revokedAt) return { phase: "revoked", at: revokedAt };
  if (!expiresAt) return { phase: "live" };
  return expiresAt > now ? { phase: "rotating", until: expiresAt } : { phase: "rotated out", at: expiresAt };
}

export function isKeyLive(key: KeyDates, now: Date): boolean {
  const { phase } = keyState(key, now);
  return phase === "live" || phase === "rotating";
}

/**
 * The same rule as a Prisma `where` on AsapKey: spread it beside the query's other fields. It uses
 * `OR`, so a query that needs an `OR` of its own combines the two under `AND`.
 */
export function liveKeyWhere(now: Date) {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
