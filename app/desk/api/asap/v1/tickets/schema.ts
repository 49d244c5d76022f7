import { z } from "zod";

/** Long input is refused with its limit, never cut short. */
const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} may be at most ${max} characters` });

const priority = z.enum(["low", "medium", "high", "urgent"], { error: "priority must be low, medium, high or urgent" });

export const contactTicketBody = z.strictObject({
  subject: text("subject", 200),
  description: text("description", 10_000),
  priority: priority.default("medium"),
});

export const anonymousTicketBody = contactTicketBody.extend({
  name: text("name", 100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })),
});

export const ticketChangesBody = z
  .strictObject({
    subject: text("subject", 200).optional(),
    description: text("description", 10_000).optional(),
    priority: priority.optional(),
    status: z.enum(["open", "closed"], { error: "status may only be set to open (reopen) or closed" }).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { error: "nothing to change" });

export const commentBody = z.strictObject({ body: text("body", 10_000) });

export const ticketListQuery = z.object({
  status: z.enum(["open", "on_hold", "closed"]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
