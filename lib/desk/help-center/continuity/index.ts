import "server-only";
import type { ContinuityAnswer, ContinuityRequest, LinkGuestRequest } from "@/lib/contract/desk-api/continuity";
import type { Jsonable } from "@/lib/contract/json";
import { linkGuestChat } from "./link-chat";
import { linkGuestTicket } from "./link-ticket";
import type { SignedInContact } from "./outcome";

/**
 * What a browser brings from its guest visit, checked item by item for the contact now signed in:
 * each proven one whose guest email was theirs is linked at once, the others wait for the person to
 * confirm (./link-chat, ./link-ticket). One after another: the counts are bounded by the contract.
 */
export async function continueAsContact(contact: SignedInContact, { chats, tickets }: ContinuityRequest): Promise<Jsonable<ContinuityAnswer>> {
  const chatAnswers: Jsonable<ContinuityAnswer["chats"][number]>[] = [];
  for (const { chatId, token } of chats) chatAnswers.push({ chatId, ...(await linkGuestChat({ contact, id: chatId, token, confirmed: false })) });
  const ticketAnswers: Jsonable<ContinuityAnswer["tickets"][number]>[] = [];
  for (const { ticketId, token } of tickets) ticketAnswers.push({ ticketId, ...(await linkGuestTicket({ contact, id: ticketId, token, confirmed: false })) });
  return { chats: chatAnswers, tickets: ticketAnswers };
}

/** One item the person confirmed: "linked", or "gone" (the route answers GUEST_LINK_GONE). */
export async function linkConfirmed(contact: SignedInContact, { kind, id, token }: LinkGuestRequest): Promise<"linked" | "gone"> {
  const link = kind === "chat" ? linkGuestChat : linkGuestTicket;
  return (await link({ contact, id, token, confirmed: true })).outcome === "linked" ? "linked" : "gone";
}
