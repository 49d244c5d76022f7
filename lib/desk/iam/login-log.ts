import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/shared/db-errors";
import { db } from "@/lib/shared/db";
import { execute, type SqlSteps } from "@/lib/shared/database/sql-steps";
import { env } from "@/lib/shared/env";
import type { AsapError } from "./errors";

export type LoginAttempt = {
  addonId: string;
  flow: "new" | "legacy";
  clientIp: string;
  origin: string | null;
  /** The add-on was in report-only mode: a refusal left its person a guest without an error. */
  reportOnly?: boolean;
};

/** Identical failures from one source within this window share one row, with a count. */
export const REPEAT_WINDOW_MS = 5 * 60 * 1000;
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

// Caller-chosen text (origins, addresses) is cut to a size that keeps a row small.
const bounded = (text: string | null | undefined, max: number) => (text == null ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The login log, kept for the portal: every attempt's outcome, code and hint, never the token.
 * A success's row is written in the login's own transaction, with its session (one insert).
 */
export function* recordSuccess(attempt: LoginAttempt, email: string, detail: string | null = null, now = new Date()): SqlSteps<void> {
  yield* execute`INSERT INTO "LoginEvent" ("id", "addonId", "flow", "outcome", "email", "detail", "clientIp", "origin", "count", "createdAt", "lastSeenAt")
    VALUES (${randomUUID()}, ${attempt.addonId}, ${attempt.flow}, 'success', ${email}, ${bounded(detail, 1000)}, ${bounded(attempt.clientIp, 64)}, ${bounded(attempt.origin, 300)}, 1, ${now}, ${now})`;
}

/** A failure's row: identical failures from one source within REPEAT_WINDOW_MS share it, with a count. */
export async function recordFailure(attempt: LoginAttempt, error: AsapError) {
  const now = new Date();
  await pruneLoginLog(now);
  const row = {
    addonId: attempt.addonId,
    flow: attempt.flow,
    clientIp: bounded(attempt.clientIp, 64),
    origin: bounded(attempt.origin, 300),
    reportOnly: attempt.reportOnly ?? false,
  };
  // A throttled source is one row whatever origin it claims each time: the claim is not worth a row.
  const failure = { ...row, ...(error.code === "RATE_LIMITED" ? { origin: null } : {}), outcome: "failure", code: error.code, detail: bounded(error.logDetail ?? `${error.message} ${error.hint}`, 1000) };
  // One row per (source, failure, window): a flood of identical failures is one row with a count.
  const bucket = Math.floor(now.getTime() / REPEAT_WINDOW_MS);
  const repeatKey = createHash("sha256").update(JSON.stringify([failure, bucket])).digest("hex");
  const upsert = () =>
    db.loginEvent.upsert({
      where: { repeatKey },
      create: { ...failure, repeatKey, createdAt: now, lastSeenAt: now },
      update: { count: { increment: 1 }, lastSeenAt: now },
      select: { id: true },
    });
  try {
    await upsert();
  } catch (raced) {
    // Two first failures raced to create the row: the loser counts itself on the winner's.
    if (!isUniqueViolation(raced)) throw raced;
    await upsert();
  }
}

/** The log keeps LOGIN_LOG_RETENTION_DAYS; each instance prunes at most once a minute, on write. */
/** Drops rows past the retention, at most once a minute per instance. */
export async function pruneLoginLog(now = new Date()) {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await db.loginEvent.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - env.LOGIN_LOG_RETENTION_DAYS * 86_400_000) } } });
}

export type LoginLogFilter = { outcome?: "success" | "failure"; code?: string; flow?: "new" | "legacy"; take?: number };

export function listLoginEvents(addonId: string, filter: LoginLogFilter = {}) {
  return db.loginEvent.findMany({
    where: {
      addonId,
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.code ? { code: filter.code } : {}),
      ...(filter.flow ? { flow: filter.flow } : {}),
    },
    orderBy: { lastSeenAt: "desc" },
    take: filter.take ?? 100,
    select: { id: true, flow: true, outcome: true, code: true, detail: true, email: true, clientIp: true, origin: true, createdAt: true, lastSeenAt: true, count: true, reportOnly: true },
  });
}
