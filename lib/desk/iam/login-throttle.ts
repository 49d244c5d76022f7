import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/shared/db";
import { AsapError } from "./errors";

// Per add-on and client address, in the database so that every app instance counts together. A widget
// logs in about once an hour per user; 60 a minute leaves room for an office behind one NAT address.
export const LOGIN_ATTEMPTS_PER_MINUTE = 60;

const limiter = new RateLimiterPrisma({ storeClient: db, keyPrefix: "asap-login", points: LOGIN_ATTEMPTS_PER_MINUTE, duration: 60 });

export async function throttleLogin(addonId: string, clientIp: string): Promise<void> {
  try {
    await limiter.consume(`${addonId}:${clientIp}`);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AsapError(
      "RATE_LIMITED",
      `Too many login attempts for this add-on from ${clientIp}.`,
      `Retry in ${retryAfterSeconds} s. A widget needs one login per session, not one per page view.`,
      { retryAfterSeconds },
    );
  }
}
