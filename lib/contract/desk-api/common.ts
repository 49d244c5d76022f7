/** What every part of the Desk API shares: where it lives, paging, and who wrote what. */

/** The Desk API's path on the Desk's origin; every resource below is relative to it. */
export const DESK_API_PATH = "/desk/api/asap/v1/";

/** An ISO 8601 date and time, as Date.toJSON writes it. */
export type IsoDateTime = string;

export type Page = { total: number; page: number; pageSize: number };

/** The person an ASAP session stands for: the Desk's contact for the email the business vouched for. */
export type Contact = { id: string; email: string; name: string };

/** Who wrote a ticket comment or a community post. */
export type Author = { kind: "agent" | "contact"; name: string };
