import { z } from "zod";
import { CONTACT_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "@/lib/contract/vocabulary";
import type { Author, IsoDateTime, Page } from "./common";

/**
 * Tickets: `tickets` (list mine; create, with Idempotency-Key), `tickets/{id|number}` (read, change,
 * close, reopen), `tickets/{id}/comments`. Long input is refused with its limit, never cut short.
 */
const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} may be at most ${max} characters` });

const priority = z.enum(TICKET_PRIORITIES, { error: "priority must be low, medium, high or urgent" });

export const contactTicketBody = z.strictObject({
  subject: text("subject", 200),
  description: text("description", 10_000),
  priority: priority.default("medium"),
});
export type NewTicket = z.infer<typeof contactTicketBody>;

/** A guest's ticket: who they say they are comes with it (and is marked as unverified). */
export const anonymousTicketBody = contactTicketBody.extend({
  name: text("name", 100),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })),
});
export type NewGuestTicket = z.infer<typeof anonymousTicketBody>;

export const ticketChangesBody = z
  .strictObject({
    subject: text("subject", 200).optional(),
    description: text("description", 10_000).optional(),
    priority: priority.optional(),
    status: z.enum(CONTACT_TICKET_STATUSES, { error: "status may only be set to open (reopen) or closed" }).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { error: "nothing to change" });
export type TicketChanges = z.infer<typeof ticketChangesBody>;

export const commentBody = z.strictObject({ body: text("body", 10_000) });

export const ticketListQuery = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** identityVerified false: a guest typed this contact's email; shown as such, never as their own words. */
export type Ticket = {
  id: string;
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  closedAt: IsoDateTime | null;
  identityVerified: boolean;
};

/** The public thread only: agents' private notes never reach the contact. */
export type TicketComment = { id: string; body: string; createdAt: IsoDateTime; author: Author };

export type TicketWithThread = Ticket & { comments: TicketComment[] };

export type TicketAnswer = { ticket: Ticket };
export type TicketListAnswer = Page & { tickets: Ticket[] };
export type TicketThreadAnswer = { ticket: TicketWithThread };
export type CommentsAnswer = { comments: TicketComment[] };
export type NewCommentAnswer = { comment: { id: string; body: string; createdAt: IsoDateTime } };
