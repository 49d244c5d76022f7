import type { Confirmation } from "./tokens";

type Refusal = Extract<Confirmation, { ok: false }>["reason"];

/** What a person reads when a verification link cannot be used, and what to do next. */
export const LINK_REFUSALS: Record<Refusal, { title: string; detail: string }> = {
  unknown: {
    title: "This link is not valid",
    detail: "It may be incomplete (copy the whole link from the email), or a newer sign-up with this address replaced it.",
  },
  expired: { title: "This link has expired", detail: "Links work for 24 hours. Ask for a new one below; it takes a moment." },
  used: { title: "This link has already been used", detail: "Each link works once. If your address is not verified yet, ask for a new link." },
  "other-user": {
    title: "This link is for another account",
    detail: "You are signed in with a different account than the one this link was sent for. Sign out, open the link again, and sign in with that account.",
  },
};

export const MAIL_NOT_SENT_MESSAGE = "We could not send the email. Please try again in a moment.";
