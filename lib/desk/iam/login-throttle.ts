import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/shared/db";
import { AsapError } from "./errors";
import { LOGIN_FAILURES_PER_MINUTE } from "./limits";
import { rateLimitKey } from "@/lib/shared/http/client-address";

/** The store's keys start with it (test control's reset clears them). */
export const LOGIN_THROTTLE_PREFIX = "asap-login-failures";

// Counted per add-on and client address, in the database so that every app instance counts together.
const limiter = new RateLimiterPrisma({ storeClient: db, keyPrefix: LOGIN_THROTTLE_PREFIX, points: LOGIN_FAILURES_PER_MINUTE, duration: 60 });

export type LoginBudget = {
  /** A login that succeeded gives its point back: successes never spend a budget others can exhaust. */
  refund(): Promise<void>;
};

/**
 * Runs before any other check. Every attempt takes a point at once (atomic in the store, so a racing
 * burst cannot slip past the limit) and a success refunds it, so only failures are counted.
 */
export async function takeLoginAttempt(addonId: string, clientIp: string): Promise<LoginBudget> {
  const key = `${addonId}:${rateLimitKey(clientIp)}`;
  let windowEndsAt: number;
  try {
    windowEndsAt = Date.now() + (await limiter.consume(key)).msBeforeNext;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    const message = `Too many failed login attempts for this add-on from ${clientIp}.`;
    throw new AsapError("RATE_LIMITED", message, `Retry in ${retryAfterSeconds} s, and look at the add-on's login log for why the earlier logins failed.`, {
      retryAfterSeconds,
      // Without the countdown, so that a throttled flood stays one counted row in the login log.
      logDetail: `${message} More than ${LOGIN_FAILURES_PER_MINUTE} failed in a minute: refused until the minute is over.`,
    });
  }
  return {
    // Only within the window the point came from: a refund into the next window would be a free failure.
    refund: async () => {
      if (Date.now() < windowEndsAt) await limiter.reward(key, 1);
    },
  };
}
