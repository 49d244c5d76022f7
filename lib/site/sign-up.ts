import "server-only";
import { db } from "@/lib/shared/db";
import { hashPassword } from "@/lib/shared/passwords";
import { createMailThrottle, SIGN_UP_MAIL_LIMIT } from "./email-verification/mail-throttle";
import { sendAccountExistsMail, sendVerificationLink } from "./email-verification/send";
import { createPendingUser, EmailTakenError, findAccountByEmail } from "./users";
import type { SignUpInput } from "./validation";

/** What happened, for tests and logs. The visitor is told the same in every case: check your inbox. */
export type SignUpOutcome = "created" | "replaced" | "exists";

// Per address, whatever happens to it: the form cannot flood anyone's inbox, and being throttled
// says nothing about whether the address has an account.
const mailThrottle = createMailThrottle(db, "sign-up", SIGN_UP_MAIL_LIMIT);

/**
 * Sign-up never proves anything by itself: a free address gets an unverified account and a link; an
 * unverified one is replaced (the password is whoever typed it last, and the link goes to the inbox);
 * a verified one gets a "you already have an account" mail and nothing changes.
 * Throws TooManyMailsError or MailNotSentError.
 */
export async function signUp(input: SignUpInput): Promise<SignUpOutcome> {
  await mailThrottle.take(input.email);
  // Hashed in every case, so the answer takes as long whether or not the address has an account.
  const passwordHash = await hashPassword(input.password);
  for (let attempt = 1; ; attempt++) {
    const existing = await findAccountByEmail(input.email);
    if (existing?.emailVerified) {
      await sendAccountExistsMail(input.email);
      return "exists";
    }
    try {
      const user = await createPendingUser({ email: input.email, name: input.name, passwordHash }, existing?.id);
      await sendVerificationLink(user);
      return existing ? "replaced" : "created";
    } catch (error) {
      // Another sign-up (or a verification) for this address landed between our read and write: look again.
      if (error instanceof EmailTakenError && attempt < 3) continue;
      throw error;
    }
  }
}
