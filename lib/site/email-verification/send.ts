import "server-only";
import { env } from "@/lib/shared/env";
import { accountExistsMail, verificationMail } from "@/lib/site/email/messages";
import { sendMail } from "@/lib/site/email/transport";
import { issueVerificationToken, VERIFICATION_TTL_MS } from "./tokens";

const siteUrl = (path: string) => `${env.SITE_URL.replace(/\/$/, "")}${path}`;

export function verificationLink(token: string): string {
  return siteUrl(`/verify-email?token=${encodeURIComponent(token)}`);
}

/** A fresh link for the user's address. Throws MailNotSentError when the mail server refuses it. */
export async function sendVerificationLink(user: { id: string; email: string }): Promise<void> {
  const token = await issueVerificationToken(user.id);
  await sendMail(verificationMail({ to: user.email, link: verificationLink(token), validHours: VERIFICATION_TTL_MS / 3_600_000 }));
}

/** Sign-up with an address that already has a verified account: tell that inbox, and nobody else. */
export function sendAccountExistsMail(email: string): Promise<void> {
  return sendMail(accountExistsMail({ to: email, signInUrl: siteUrl("/sign-in") }));
}
