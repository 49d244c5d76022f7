import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";
import { rateLimitKey } from "@/lib/shared/http/client-address";

/**
 * What guests may create, per client address and per email they give, counted in the database (so
 * every app instance shares the counts). Generous for people, tight for a script: an office behind
 * one address still fits, and one mailbox cannot be flooded with tickets in its name.
 */
export const GUEST_LIMITS = {
  submissionsPerAddressPerHour: 30,
  submissionsPerEmailPerHour: 10,
  chatMessagesPerAddressPerMinute: 60,
  // Room for a few messages' worth of screenshots an hour; a script filling the disk is not.
  uploadsPerAddressPerHour: 40,
  // Suggested articles opened from the ticket form: many for a person reading, few for a stats-stuffer.
  deflectionsPerAddressPerHour: 120,
} as const;

/** The store's keys start with these (test control's reset clears them). */
export const GUEST_LIMIT_PREFIXES = ["guest-submissions", "guest-chat-messages", "guest-uploads", "deflections"] as const;

const limiter = (keyPrefix: `${(typeof GUEST_LIMIT_PREFIXES)[number]}:${string}`, points: number, duration: number) =>
  new RateLimiterPrisma({ storeClient: db, keyPrefix, points, duration });
const byAddress = limiter("guest-submissions:address", GUEST_LIMITS.submissionsPerAddressPerHour, 3600);
const byEmail = limiter("guest-submissions:email", GUEST_LIMITS.submissionsPerEmailPerHour, 3600);
const messagesByAddress = limiter("guest-chat-messages:address", GUEST_LIMITS.chatMessagesPerAddressPerMinute, 60);
const uploadsByAddress = limiter("guest-uploads:address", GUEST_LIMITS.uploadsPerAddressPerHour, 3600);
const deflectionsByAddress = limiter("deflections:address", GUEST_LIMITS.deflectionsPerAddressPerHour, 3600);

async function spend(limit: RateLimiterPrisma, key: string, what: string): Promise<void> {
  try {
    await limit.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AsapError("RATE_LIMITED", `Too many ${what} from guests.`, `Retry in ${retryAfterSeconds} s, or sign in to the app to skip this limit.`, { retryAfterSeconds });
  }
}

/** A guest ticket or chat: one from the address's budget and one from the email's. */
export async function spendGuestSubmission(clientIp: string, email: string | undefined): Promise<void> {
  await spend(byAddress, rateLimitKey(clientIp), "tickets and chats from this address");
  if (email) await spend(byEmail, email, "tickets and chats in this email's name");
}

export function spendGuestChatMessage(clientIp: string): Promise<void> {
  return spend(messagesByAddress, rateLimitKey(clientIp), "chat messages from this address");
}

/** A guest's upload (an attachment for a ticket or a chat message), counted before its bytes are read. */
export function spendGuestUpload(clientIp: string): Promise<void> {
  return spend(uploadsByAddress, rateLimitKey(clientIp), "uploads from this address");
}

/** A suggested article opened from the ticket form (anyone, signed in or not: it writes a row). */
export function spendDeflection(clientIp: string): Promise<void> {
  return spend(deflectionsByAddress, rateLimitKey(clientIp), "suggested articles opened from this address");
}
