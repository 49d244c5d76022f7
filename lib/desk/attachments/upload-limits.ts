import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";

/**
 * A signed-in contact's uploads, counted per contact in the database (every instance shares the
 * count): a person sending screenshots all day stays far below it, a script filling the disk with
 * 10 MiB files does not. Guests have their own, tighter limit per address (help-center/guest-limits.ts).
 */
export const CONTACT_UPLOADS_PER_HOUR = 120;

/** The store's keys start with this (test control's reset clears them). */
export const CONTACT_UPLOAD_LIMIT_PREFIX = "contact-uploads";

const byContact = new RateLimiterPrisma({ storeClient: db, keyPrefix: CONTACT_UPLOAD_LIMIT_PREFIX, points: CONTACT_UPLOADS_PER_HOUR, duration: 3600 });

export async function spendContactUpload(contactId: string): Promise<void> {
  try {
    await byContact.consume(contactId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AsapError("RATE_LIMITED", `Too many uploads: at most ${CONTACT_UPLOADS_PER_HOUR} an hour.`, `Retry in ${retryAfterSeconds} s, or put several files in one ZIP archive.`, { retryAfterSeconds });
  }
}
