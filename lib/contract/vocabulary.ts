/**
 * The help center's words, as the Desk stores them (plain strings in the database, checked on the way
 * in: prisma/schema.prisma) and as its API, the site and the widget speak them. Labels are each
 * audience's own ("Waiting on you" to the customer, "Waiting on customer" to the agent).
 */
export const TICKET_STATUSES = ["open", "on_hold", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What a contact may set on their own ticket: reopen or close it. on_hold is the agent's to set. */
export const CONTACT_TICKET_STATUSES = ["open", "closed"] as const satisfies readonly TicketStatus[];

export const TICKET_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** waiting: no agent has answered yet; active: an agent has; ended: closed by an agent. */
export const CHAT_STATUSES = ["waiting", "active", "ended"] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

/**
 * How a customer rates a closed ticket or an ended chat: three plain words rather than stars, so the
 * control is three labelled choices and the portal's figure is simply the share of "good".
 */
export const SATISFACTION_SCORES = ["good", "okay", "bad"] as const;
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number];

/** The longest comment a rating may carry, in characters (here, without zod, for the widget's field too). */
export const SATISFACTION_COMMENT_MAX = 1000;

export const POST_TYPES = ["question", "idea", "discussion", "announcement"] as const;
export type PostType = (typeof POST_TYPES)[number];

/** Members ask, suggest and discuss; announcements are the Desk's own. */
export const MEMBER_POST_TYPES = ["question", "idea", "discussion"] as const satisfies readonly PostType[];

/** The word in `value`, or undefined: for query parameters and other text from outside. */
export function oneOf<const Word extends string>(words: readonly Word[], value: string | null | undefined): Word | undefined {
  return words.find((word) => word === value);
}
