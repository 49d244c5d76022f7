import "server-only";
import type { RawSql } from "@/lib/shared/database/raw-sql";
import { execute, type SqlSteps } from "@/lib/shared/database/sql-steps";
import { rateLimitKey } from "@/lib/shared/http/client-address";
import { AsapError } from "./errors";
import { LOGIN_FAILURES_PER_MINUTE } from "./limits";

/** Rows in rate-limiter-flexible's table (RateLimiterFlexible), keyed `${prefix}:${addonId}:${address}`. */
export const LOGIN_THROTTLE_PREFIX = "asap-login-failures";
const WINDOW_MS = 60_000;

export type LoginBudget = {
  /** Gives the attempt's point back: a success is not a failure. In the login's transaction, as one of its writes. */
  refund(): SqlSteps<void>;
};

type PointsRow = { points: number | bigint; expire: Date | string };

/**
 * Takes one point of the failure budget per add-on and client address before any other check, and
 * refuses with RATE_LIMITED when the minute's budget is spent; the login gives the point back once
 * it has succeeded, so only failures count, yet a burst of parallel attempts cannot race past the
 * limit: the point is taken first, atomically. One statement each way, in rate-limiter-flexible's
 * table and row format (its Prisma store takes four queries for the same), on SQLite and PostgreSQL:
 * a row whose window is over starts a new one. On the login's connection (`sql`).
 */
export async function takeLoginAttempt(sql: RawSql, addonId: string, clientIp: string): Promise<LoginBudget> {
  const key = `${LOGIN_THROTTLE_PREFIX}:${addonId}:${rateLimitKey(clientIp)}`;
  const now = new Date();
  const windowEnd = new Date(now.getTime() + WINDOW_MS);
  const [row] = await sql.$queryRaw<PointsRow[]>`INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimiterFlexible"."expire" <= ${now} THEN 1 ELSE "RateLimiterFlexible"."points" + 1 END,
      "expire" = CASE WHEN "RateLimiterFlexible"."expire" <= ${now} THEN ${windowEnd} ELSE "RateLimiterFlexible"."expire" END
    RETURNING "points", "expire"`;
  if (!row) throw new Error("The login throttle's upsert returned no row");
  const expire = new Date(row.expire);
  if (Number(row.points) > LOGIN_FAILURES_PER_MINUTE) {
    const retryAfterSeconds = Math.max(1, Math.ceil((expire.getTime() - Date.now()) / 1000));
    const message = `Too many failed login attempts for this add-on from ${clientIp}.`;
    throw new AsapError("RATE_LIMITED", message, `Retry in ${retryAfterSeconds} s, and look at the add-on's login log for why the earlier logins failed.`, {
      retryAfterSeconds,
      logDetail: `${message} More than ${LOGIN_FAILURES_PER_MINUTE} failed in a minute: refused until the minute is over.`,
    });
  }
  return {
    // Only within the window the point came from: a new window owes nothing back.
    refund: function* () {
      yield* execute`UPDATE "RateLimiterFlexible" SET "points" = "points" - 1 WHERE "key" = ${key} AND "expire" = ${expire} AND "points" > 0`;
    },
  };
}
