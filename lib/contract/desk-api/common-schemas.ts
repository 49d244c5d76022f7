import { z } from "zod";
import { answerShapes } from "./registry";

/**
 * The shapes every part of the Desk API shares, as zod schemas. Apart from ./common, whose
 * DESK_API_PATH the widget's bundle imports: that bundle carries no zod (it imports these types only).
 */

/** Text a person types: trimmed, required, and refused (never cut) past `max` characters. */
export const requiredText = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} may be at most ${max} characters` });

/** Text that may be left out when files say it all (a reply or chat message with attachments): trimmed, and refused past `max`. */
export const textBesideFiles = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} may be at most ${max} characters` })
    .default("");

/** For a refine: a message needs words or at least one file. */
export const hasTextOrFiles = (message: { body: string; attachmentIds: string[] }) => message.body.length > 0 || message.attachmentIds.length > 0;

/** A list query's `page` and `pageSize`, from the query string: at most 50 a page, 1 000 pages. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
};

/** An ISO 8601 date and time, as Date.toJSON writes it. */
export const isoDateTime = z.iso.datetime();
export type IsoDateTime = z.infer<typeof isoDateTime>;

/** How many of something: views, votes, likes, replies, rows. */
export const count = z.int().min(0);

/** A list answer's paging; its items sit beside it. */
export const paging = z.strictObject({ total: count, page: z.int().min(1), pageSize: z.int().min(1) });
export type Page = z.infer<typeof paging>;

/** The person an ASAP session stands for: the Desk's contact for the email the business vouched for. */
export const contact = z.strictObject({ id: z.string(), email: z.email(), name: z.string() }).register(answerShapes, { id: "Contact" });
export type Contact = z.infer<typeof contact>;

/** Who wrote a ticket comment or a community post. */
export const author = z.strictObject({ kind: z.enum(["agent", "contact"]), name: z.string() }).register(answerShapes, { id: "Author" });
export type Author = z.infer<typeof author>;
