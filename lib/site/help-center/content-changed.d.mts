/** Types for content-changed.mjs, plain JavaScript because page-cache.mjs (which Next.js imports as it is) imports it. */
import type { Channel } from "node:diagnostics_channel";

export declare const helpContentChanged: Channel;
