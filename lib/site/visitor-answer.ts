import { z } from "zod";

/**
 * GET /api/visitor: who is looking at the site, and where the widget comes from. The pages are the
 * same for everyone (cached), so these few per-person bits are asked for by the browser, never stored
 * in a shared cache; the widget's settings come with them, from the running server's environment.
 */
export const visitorAnswer = z.strictObject({
  user: z.strictObject({ name: z.string(), email: z.string(), emailVerified: z.boolean() }).nullable(),
  widget: z.strictObject({ deskBaseUrl: z.string(), addonId: z.string(), flow: z.enum(["new", "legacy"]) }),
});
export type VisitorAnswer = z.infer<typeof visitorAnswer>;

export const VISITOR_PATH = "/api/visitor";

/**
 * Where the page's first question for GET /api/visitor waits (its body as JSON, or null): asked by
 * an inline script as the HTML is parsed (components/site/early-visitor.tsx) rather than once the
 * app's scripts have run, since the widget can load only once it is answered; or by those scripts,
 * should they run first. Whichever asks, the other takes the same answer.
 */
export const EARLY_VISITOR_KEY = "__northwindVisitor";
