// @ts-check
/**
 * Said within this process whenever it learns that pages made before some moment are out of date
 * because the Desk's help content changed (./page-cache.mjs publishes it; server.ts's response cache
 * listens). A named diagnostics channel: the same one for Next.js's copy of this module and for the
 * server's, with nothing else shared between them. Message: `{ outdatedBefore: number }` (ms).
 */
import { channel } from "node:diagnostics_channel";

export const helpContentChanged = channel("asap:help-content-changed");
