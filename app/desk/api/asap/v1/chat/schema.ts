import { z } from "zod";

const message = z
  .string({ error: "message is required" })
  .trim()
  .min(1, { error: "message is required" })
  .max(4000, { error: "message may be at most 4000 characters" });

export const startChatBody = z.strictObject({
  name: z.string().trim().min(1, { error: "name is required" }).max(100, { error: "name may be at most 100 characters" }).optional(),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })).optional(),
  message,
});

export const messageBody = z.strictObject({ body: message });
