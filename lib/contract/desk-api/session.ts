import { z } from "zod";
import type { Contact, IsoDateTime } from "./common";

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
export const loginBody = z.union([
  // Generous bound for the body; the verifier's own 8 KiB rule answers TOKEN_TOO_LARGE.
  base.extend({ token: z.string().min(1).max(64 * 1024) }).strict(),
  base.extend({ userToken: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "must be the opaque user token your site issued" }) }).strict(),
]);
export type LoginBody = z.infer<typeof loginBody>;

/** `expiresInSeconds` lets a client schedule its refresh without trusting its own clock. */
export type SessionToken = { token: string; expiresAt: IsoDateTime; expiresInSeconds: number };

export type LoginAnswer = { session: SessionToken; contact: Contact };

export type SessionAnswer = { contact: Contact; expiresAt: IsoDateTime; expiresInSeconds: number };
