"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/shared/db";
import { MailNotSentError } from "@/lib/site/email/transport";
import { currentUser } from "@/lib/site/current-user";
import { createMailThrottle, RESEND_LIMIT, TooManyMailsError, waitInWords } from "./mail-throttle";
import { LINK_REFUSALS, MAIL_NOT_SENT_MESSAGE } from "./messages";
import { sendVerificationLink } from "./send";
import { confirmVerificationToken, TOKEN_PATTERN } from "./tokens";

/** What the verification forms show after a submit. */
export type VerificationFormState = { status?: "sent" | "error"; message?: string };

const SIGN_IN_FIRST = "Your session has ended. Sign in again, then try once more.";
const resendThrottle = createMailThrottle(db, "verify-resend", RESEND_LIMIT);
const tokenSchema = z.string().regex(TOKEN_PATTERN);

/** The button on /verify-email: spends the link for the signed-in user, then back to the dashboard. */
export async function confirmEmailAction(_prev: VerificationFormState, form: FormData): Promise<VerificationFormState> {
  const token = tokenSchema.safeParse(form.get("token"));
  if (!token.success) return { status: "error", message: LINK_REFUSALS.unknown.title };
  const user = await currentUser();
  if (!user) return { status: "error", message: SIGN_IN_FIRST };

  const result = await confirmVerificationToken(token.data, user.id);
  if (!result.ok) return { status: "error", message: `${LINK_REFUSALS[result.reason].title}. ${LINK_REFUSALS[result.reason].detail}` };
  // Every page's layout embeds the widget with the user's verified state: render them all afresh.
  revalidatePath("/", "layout");
  redirect("/dashboard?verified=1");
}

/** "Resend the link": a new link to the signed-in user's own address, a few times per window. */
export async function resendVerificationAction(_prev: VerificationFormState): Promise<VerificationFormState> {
  const user = await currentUser();
  if (!user) return { status: "error", message: SIGN_IN_FIRST };
  if (user.emailVerified) return { status: "sent", message: "Your email address is already verified." };
  try {
    await resendThrottle.take(user.id);
    await sendVerificationLink(user);
  } catch (error) {
    if (error instanceof TooManyMailsError) {
      return {
        status: "error",
        message: `You have asked for ${RESEND_LIMIT.mails} links in a short time. Check your inbox and spam folder for them, or try again in ${waitInWords(error.retryAfterSeconds)}.`,
      };
    }
    if (error instanceof MailNotSentError) return { status: "error", message: MAIL_NOT_SENT_MESSAGE };
    throw error;
  }
  return { status: "sent", message: `We sent a new link to ${user.email}. It works once, within 24 hours.` };
}
