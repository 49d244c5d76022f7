import { z } from "zod";

export const loginBody = z.object({
  addonId: z.string().min(1).max(64),
  // Generous bound for the body; the verifier's own 8 KiB rule answers TOKEN_TOO_LARGE.
  token: z.string().min(1).max(64 * 1024),
  pageOrigin: z
    .string()
    .max(2048)
    .refine((value) => URL.canParse(value) && new URL(value).origin === value, { error: "must be an origin like https://app.example.com" })
    .optional(),
});
