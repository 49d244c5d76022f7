import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/shared/prisma-client";

/**
 * Caps how many emails one key (a user, an address) can make the site send, so neither the resend
 * button nor the sign-up form can be used to flood an inbox. Counts live in the database, shared by
 * every app process.
 */
export type MailLimit = { mails: number; windowSeconds: number };

export class TooManyMailsError extends Error {
  override name = "TooManyMailsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many emails asked for; retry in ${retryAfterSeconds} s`);
  }
}

export function createMailThrottle(prisma: PrismaClient, scope: string, limit: MailLimit) {
  const limiter = new RateLimiterPrisma({ storeClient: prisma, keyPrefix: `site:mail:${scope}`, points: limit.mails, duration: limit.windowSeconds });
  return {
    /** Counts one email for `key`, or throws TooManyMailsError once the window's allowance is spent. */
    async take(key: string): Promise<void> {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new TooManyMailsError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    },
  };
}

export const RESEND_LIMIT: MailLimit = { mails: 3, windowSeconds: 15 * 60 };
export const SIGN_UP_MAIL_LIMIT: MailLimit = { mails: 5, windowSeconds: 60 * 60 };

/** "3 minutes", "1 minute": how long to wait, in words a form can show. */
export function waitInWords(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
