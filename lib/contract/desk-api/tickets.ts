import { z } from "zod";
import { CONTACT_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/contract/vocabulary";
import { attachment, attachmentIds } from "./attachments";
import { deflectionKey } from "./deflections";
import { author, hasTextOrFiles, isoDateTime, pageQuery, paging, requiredText, textBesideFiles } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * Tickets: `tickets` (list mine; create, with Idempotency-Key), `tickets/{id|number}` (read, change,
 * close, reopen), `tickets/{id}/comments`. Long input is refused with its limit, never cut short.
 */
const priority = z.enum(TICKET_PRIORITIES, { error: "priority must be low, medium, high or urgent" });

export const contactTicketBody = z
  .strictObject({
    subject: requiredText("subject", 200),
    description: requiredText("description", 10_000),
    priority: priority.default("medium"),
    attachmentIds,
    /** The form visit's key, when the form suggested articles (./deflections). */
    deflectionKey: deflectionKey.optional(),
  })
  .register(requestShapes, { id: "NewTicket" });
export type NewTicket = z.infer<typeof contactTicketBody>;

/** A guest's ticket: who they say they are comes with it (and is marked as unverified). */
export const anonymousTicketBody = contactTicketBody
  .extend({
    name: requiredText("name", 100),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: "email must be a valid address" })),
  })
  .register(requestShapes, { id: "NewGuestTicket" });
export type NewGuestTicket = z.infer<typeof anonymousTicketBody>;

export const ticketChangesBody = z
  .strictObject({
    subject: requiredText("subject", 200).optional(),
    description: requiredText("description", 10_000).optional(),
    priority: priority.optional(),
    status: z.enum(CONTACT_TICKET_STATUSES, { error: "status may only be set to open (reopen) or closed" }).optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { error: "nothing to change" })
  .register(requestShapes, { id: "TicketChanges" });
export type TicketChanges = z.infer<typeof ticketChangesBody>;

/** The IDEMPOTENCY_KEY_HEADER (./wire) of a create: 1 to 255 visible ASCII characters, e.g. a UUID. */
export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/);

/** A reply: its words, its files (uploaded first: ./attachments), or both. */
export const commentBody = z
  .strictObject({ body: textBesideFiles("body", 10_000), attachmentIds })
  .refine(hasTextOrFiles, { error: "body is required (or attach a file)", path: ["body"] })
  .register(requestShapes, { id: "CommentBody" });
export type CommentInput = z.infer<typeof commentBody>;

export const ticketListQuery = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  ...pageQuery,
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

/** identityVerified false: a guest typed this contact's email; shown as such, never as their own words. */
export const ticket = z
  .strictObject({
    id: z.string(),
    number: z.int().min(1),
    subject: z.string(),
    description: z.string(),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    identityVerified: z.boolean(),
  })
  .register(answerShapes, { id: "Ticket" });
export type Ticket = z.infer<typeof ticket>;

/** The public thread only: agents' private notes never reach the contact. */
export const ticketComment = z
  .strictObject({ id: z.string(), body: z.string(), createdAt: isoDateTime, author, attachments: z.array(attachment) })
  .register(answerShapes, { id: "TicketComment" });
export type TicketComment = z.infer<typeof ticketComment>;

/** `attachments`: the files that came with the ticket itself; each comment lists its own. */
export const ticketWithThread = ticket.extend({ attachments: z.array(attachment), comments: z.array(ticketComment) }).register(answerShapes, { id: "TicketWithThread" });
export type TicketWithThread = z.infer<typeof ticketWithThread>;

export const ticketAnswer = z.strictObject({ ticket }).register(answerShapes, { id: "TicketAnswer" });
export type TicketAnswer = z.infer<typeof ticketAnswer>;

/** guestToken: a guest's receipt, in this answer only (a replay carries a fresh one): proof for linking the ticket later (./continuity). */
export const newTicketAnswer = ticketAnswer.extend({ guestToken: z.string().optional() }).register(answerShapes, { id: "NewTicketAnswer" });
export type NewTicketAnswer = z.infer<typeof newTicketAnswer>;

export const ticketListAnswer = paging.extend({ tickets: z.array(ticket) }).register(answerShapes, { id: "TicketListAnswer" });
export type TicketListAnswer = z.infer<typeof ticketListAnswer>;

export const ticketThreadAnswer = z.strictObject({ ticket: ticketWithThread }).register(answerShapes, { id: "TicketThreadAnswer" });
export type TicketThreadAnswer = z.infer<typeof ticketThreadAnswer>;

export const commentsAnswer = z.strictObject({ comments: z.array(ticketComment) }).register(answerShapes, { id: "CommentsAnswer" });
export type CommentsAnswer = z.infer<typeof commentsAnswer>;

export const newCommentAnswer = z
  .strictObject({ comment: z.strictObject({ id: z.string(), body: z.string(), createdAt: isoDateTime, attachments: z.array(attachment) }) })
  .register(answerShapes, { id: "NewCommentAnswer" });
export type NewCommentAnswer = z.infer<typeof newCommentAnswer>;
