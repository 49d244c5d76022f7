import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/shared/prisma-client";
import { rateLimitKey } from "@/lib/shared/http/client-address";

/**
 * Sign-in throttling: failed attempts are counted per account and per client address in the database
 * (rate-limiter-flexible's Prisma store), so every app process enforces the same limits.
 * A success clears the account's count; the address count only decays, so spraying many accounts
 * from one address still trips it.
 */
export type ThrottleLimits = { failuresPerAccount: number; failuresPerAddress: number; windowSeconds: number };

export const DEFAULT_LIMITS: ThrottleLimits = { failuresPerAccount: 5, failuresPerAddress: 30, windowSeconds: 15 * 60 };

export class TooManyAttemptsError extends Error {
  override name = "TooManyAttemptsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts; retry in ${retryAfterSeconds} s`);
  }
}

/** `scope` keeps separate sign-in systems (the site's users, the Desk's agents) from sharing counts. */
export function createSignInThrottle(prisma: PrismaClient, scope: string, limits: ThrottleLimits = DEFAULT_LIMITS) {
  const store = (kind: string, points: number) =>
    new RateLimiterPrisma({ storeClient: prisma, keyPrefix: `${scope}:signin:${kind}`, points, duration: limits.windowSeconds });
  const byAccount = store("account", limits.failuresPerAccount);
  const byAddress = store("address", limits.failuresPerAddress);

  const exhausted = (res: RateLimiterRes | null, points: number) =>
    res !== null && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    /** Throws TooManyAttemptsError while either count is used up. */
    async assertAllowed(email: string, address: string): Promise<void> {
      const [account, addr] = await Promise.all([byAccount.get(email), byAddress.get(rateLimitKey(address))]);
      const wait = Math.max(exhausted(account, limits.failuresPerAccount), exhausted(addr, limits.failuresPerAddress));
      if (wait > 0) throw new TooManyAttemptsError(wait);
    },
    async recordFailure(email: string, address: string): Promise<void> {
      await Promise.all([byAccount.penalty(email, 1), byAddress.penalty(rateLimitKey(address), 1)]);
    },
    async recordSuccess(email: string): Promise<void> {
      await byAccount.delete(email);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
