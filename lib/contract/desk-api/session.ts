import { z } from "zod";
import { contact, isoDateTime } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * Logging in to the Desk (DESIGN §3): `POST login` with the add-on and a credential, `GET session` for
 * who a bearer is, `POST logout` (204) to end it. The bearer goes in `Authorization: Bearer …`.
 */
const base = z.object({
  addonId: z.string().min(1).max(64),
  pageOrigin: z
    .string()
    .max(2048)
    .refine((value) => URL.canParse(value) && new URL(value).origin === value, { error: "must be an origin like https://app.example.com" })
    .optional(),
});

/** `token` (new flow) or `userToken` (legacy flow), never both. */
export const loginBody = z
  .union([
    // Generous bound for the body; the verifier's own 8 KiB rule answers TOKEN_TOO_LARGE.
    base.extend({ token: z.string().min(1).max(64 * 1024) }).strict(),
    base.extend({ userToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "must be the opaque user token your site issued" }) }).strict(),
  ])
  .register(requestShapes, { id: "LoginBody" });
export type LoginBody = z.infer<typeof loginBody>;

/** `expiresInSeconds` lets a client schedule its refresh without trusting its own clock. */
export const sessionToken = z
  .strictObject({ token: z.string(), expiresAt: isoDateTime, expiresInSeconds: z.int() })
  .register(answerShapes, { id: "SessionToken" });
export type SessionToken = z.infer<typeof sessionToken>;

export const loginAnswer = z.strictObject({ session: sessionToken, contact }).register(answerShapes, { id: "LoginAnswer" });
export type LoginAnswer = z.infer<typeof loginAnswer>;

export const sessionAnswer = z
  .strictObject({ contact, expiresAt: isoDateTime, expiresInSeconds: z.int() })
  .register(answerShapes, { id: "SessionAnswer" });
export type SessionAnswer = z.infer<typeof sessionAnswer>;
