"use server";

import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { MailNotSentError } from "./email/transport";
import { rememberSignUpEmail } from "./email-verification/check-email-cookie";
import { TooManyMailsError, waitInWords } from "./email-verification/mail-throttle";
import { MAIL_NOT_SENT_MESSAGE } from "./email-verification/messages";
import { signIn, signOut } from "./auth";
import { signUp } from "./sign-up";
import { fieldErrors, signInSchema, signUpSchema, type FieldErrors } from "./validation";

/** What a form shows after a failed submit: a form-level message, field messages, and what was typed. */
export type FormState<Fields extends string> = {
  message?: string;
  fields?: FieldErrors<Record<Fields, string>>;
  values?: Partial<Record<Fields, string>>;
};

const SIGN_IN_MESSAGES: Record<string, string> = {
  invalid_credentials: "That email and password don't match an account. Check both and try again.",
  too_many_attempts: "Too many failed attempts. For your security, sign-in is paused for a few minutes; try again later.",
};

function safeRedirectTarget(value: FormDataEntryValue | null): string {
  // Only same-site paths: "//evil.example" and absolute URLs would turn sign-in into an open redirect.
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

type SignInField = "email" | "password";

export async function signInAction(_prev: FormState<SignInField>, form: FormData): Promise<FormState<SignInField>> {
  const email = String(form.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: { email } };

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectTarget(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { message: SIGN_IN_MESSAGES[error.code] ?? SIGN_IN_MESSAGES.invalid_credentials, values: { email } };
    }
    throw error; // includes Next's redirect on success
  }
  return {};
}

type SignUpField = "name" | "email" | "password";

export async function signUpAction(_prev: FormState<SignUpField>, form: FormData): Promise<FormState<SignUpField>> {
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = signUpSchema.safeParse({ ...values, password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values };

  try {
    await signUp(parsed.data);
  } catch (error) {
    if (error instanceof MailNotSentError) return { message: MAIL_NOT_SENT_MESSAGE, values };
    if (error instanceof TooManyMailsError) {
      return {
        message: `We have sent several emails to this address recently. Check your inbox and spam folder, or try again in ${waitInWords(error.retryAfterSeconds)}.`,
        values,
      };
    }
    throw error;
  }
  // The same page whether the address was free, pending or taken (the email says which), and no
  // sign-in: signing in only some visitors would tell which addresses have accounts.
  await rememberSignUpEmail(parsed.data.email);
  redirect("/sign-up/check-email");
}

/** Ends the site session; the button then refreshes who is signed in and goes home (components/site/sign-out-button.tsx). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
}
