import { z } from "zod";
import { answerShapes } from "./registry";

/**
 * The shapes every part of the Desk API shares, as zod schemas. Apart from ./common, whose
 * DESK_API_PATH the widget's bundle imports: that bundle carries no zod (it imports these types only).
 */

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
