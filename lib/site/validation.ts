import { z } from "zod";

export { fieldErrors, type FieldErrors } from "@/lib/shared/field-errors";

/** Input rules of the business site's forms, shared by the server actions and the sign-in provider. */

// Half a surrogate pair (a JSON "\ud800" escape) cannot be stored or shown: refused like any bad input.
const wellFormed = (message: string) => z.string().refine((value) => value.isWellFormed(), { error: message, abort: true });
const BROKEN = (what: string) => `${what} contains a broken character. Retype it.`;

export const emailSchema = wellFormed(BROKEN("That email address"))
  .trim()
  .min(1, { error: "Enter your email address." })
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: wellFormed(BROKEN("That password")).min(1, { error: "Enter your password." }).max(128, { error: "That password is too long." }),
});

export const PASSWORD_MIN_LENGTH = 10;

export const signUpSchema = z.object({
  name: wellFormed(BROKEN("Your name"))
    .trim()
    .min(1, { error: "Enter your name." })
    .max(100, { error: "Keep your name under 100 characters." }),
  email: emailSchema,
  password: wellFormed(BROKEN("Your password"))
    .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.` })
    .max(128, { error: "Keep your password under 128 characters." }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
