import { z } from "zod";
import { requestShapes } from "./registry";

/**
 * Deflection: the ticket form suggests articles as its subject is typed. `deflections` records that
 * one was opened, under the form visit's key (made by the widget); a ticket sent from that visit
 * names the same key as `deflectionKey`, so a visit without one counts as a ticket avoided.
 */
export const deflectionKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "deflectionKey must be 16 to 64 letters, digits, - or _" });

export const deflectionBody = z
  .strictObject({ key: deflectionKey, articleId: z.string().min(1).max(64) })
  .register(requestShapes, { id: "DeflectionBody" });
export type DeflectionBody = z.infer<typeof deflectionBody>;
