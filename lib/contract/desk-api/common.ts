/** What every part of the Desk API shares: where it lives, paging, and who wrote what. */

/** The Desk API's path on the Desk's origin; every resource below is relative to it. */
export const DESK_API_PATH = "/desk/api/asap/v1/";

// The shapes are zod schemas (./common-schemas); their types come through here without zod.
export type { Author, Contact, IsoDateTime, Page } from "./common-schemas";
