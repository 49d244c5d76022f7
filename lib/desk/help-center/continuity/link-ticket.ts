import "server-only";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { hashGuestToken } from "../guest-tokens";
import { sameEmail, ticketLinkedNote } from "./notes";
import { GONE, type LinkOutcome, type LinkRequest } from "./outcome";

type TicketSummary = { number: number; subject: string };

/**
 * A guest's ticket becomes the signed-in contact's own (verified, no longer "submitted as a guest"),
 * on the proof of its receipt. A guest ticket sits on the contact whose email the guest typed; when
 * that is not the signed-in contact, it moves only once the person confirmed, and agents get a
 * private note saying so. The receipt is spent by a conditional update: two tabs racing link it once.
 */
export async function linkGuestTicket({ contact, id, token, confirmed }: LinkRequest): Promise<LinkOutcome<TicketSummary>> {
  const tokenHash = hashGuestToken(token);
  const ticket = await db.ticket.findUnique({ where: { guestTokenHash: tokenHash }, select: { id: true, number: true, subject: true, contact: { select: { email: true } } } });
  if (!ticket || ticket.id !== id) return GONE;
  const summary = { number: ticket.number, subject: ticket.subject };
  const typedEmail = ticket.contact.email;
  // Only the email: the contact's stored name may be someone else's, never the guest's to read.
  if (!confirmed && !sameEmail(typedEmail, contact.email)) return { outcome: "needs_confirmation", guest: { name: null, email: typedEmail }, ...summary };
  const linked = await transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, guestTokenHash: tokenHash },
      data: { contactId: contact.id, identityVerified: true, guestTokenHash: null },
    });
    if (count !== 1) return false;
    await tx.ticketComment.create({ data: { ticketId: ticket.id, isPublic: false, body: ticketLinkedNote(contact.email, typedEmail, confirmed) } });
    return true;
  });
  return linked ? { outcome: "linked", ...summary } : GONE;
}
