import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/shared/env";
import { emailSchema } from "@/lib/site/validation";

/**
 * The address typed at sign-up, carried to the "check your email" page in a short-lived cookie rather
 * than the URL, so it stays out of logs and history. Only that page's path ever receives it.
 */
const NAME = "northwind-sign-up-email";
const PATH = "/sign-up/check-email";

export async function rememberSignUpEmail(email: string): Promise<void> {
  (await cookies()).set(NAME, email, { httpOnly: true, sameSite: "lax", secure: env.SITE_URL.startsWith("https:"), path: PATH, maxAge: 30 * 60 });
}

export async function signUpEmail(): Promise<string | null> {
  const parsed = emailSchema.safeParse((await cookies()).get(NAME)?.value);
  return parsed.success ? parsed.data : null;
}
