/**
 * The words the Desk writes when a guest's chat or ticket joins an account: one line for the chat's
 * transcript (both sides read it) and a private note for agents on a ticket. They keep what the guest
 * typed beside who signed in, so nobody mistakes the guest's claim for the verified identity.
 */

export const sameEmail = (typed: string | null, verified: string) => typed !== null && typed.toLowerCase() === verified.toLowerCase();

const typedPart = (typed: string | null) => (typed ? `a guest who typed ${typed}` : "a guest who gave no email");

/** The chat's notice, e.g. "Signed in as ada@example.com (verified). Earlier messages were sent as a guest who typed b@x.com." */
export function chatSignedInNotice(verifiedEmail: string, typedEmail: string | null): string {
  const earlier = sameEmail(typedEmail, verifiedEmail) ? "a guest with this email" : typedPart(typedEmail);
  return `Signed in as ${verifiedEmail} (verified). Earlier messages were sent as ${earlier}.`;
}

/** The ticket's private note for agents: who linked it, and what the guest had typed. */
export function ticketLinkedNote(verifiedEmail: string, typedEmail: string, confirmed: boolean): string {
  if (sameEmail(typedEmail, verifiedEmail)) {
    return `Linked to ${verifiedEmail} (verified sign-in) by the browser that submitted it as a guest with the same email.`;
  }
  return (
    `Moved to ${verifiedEmail} (verified sign-in) by the browser that submitted it as a guest, ` +
    `${confirmed ? "after the person confirmed" : "without confirmation"}. The guest had typed ${typedEmail}.`
  );
}
