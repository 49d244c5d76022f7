import type { GuestIdentity } from "@/lib/contract/desk-api/continuity";

/** What one guest item's proof came to; "gone" carries no reason, on purpose. */
export type LinkOutcome<Summary = object> =
  | ({ outcome: "linked" } & Summary)
  | ({ outcome: "needs_confirmation"; guest: GuestIdentity } & Summary)
  | { outcome: "gone" };

export type SignedInContact = { id: string; email: string; name: string };

/** `confirmed`: the person saw what the guest typed and chose to link it. */
export type LinkRequest = { contact: SignedInContact; id: string; token: string; confirmed: boolean };

export const GONE = { outcome: "gone" } as const;
