import "server-only";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { hashGuestToken } from "../guest-tokens";
import { RECEIPT_LIFETIME_MS } from "@/lib/contract/desk-api/wire";
import { ticketLinkedNote } from "./notes";
import { GONE, type LinkOutcome, type LinkRequest } from "./outcome";

type TicketSummary = { number: number; subject: string };

/**
 * A guest's ticket becomes the signed-in contact's own (verified, no longer "submitted as a guest"),
 * on the proof of its receipt and the person's confirmation, always: the guest typed the email, so
 * its matching the account proves nothing, and agents get a private note. A receipt is good for a
 * week, and only while the ticket is as its guest left it: any comment, reply, change of status or
 * edit by anyone else spends it (./tickets, console writes), so a receipt never carries what someone
 * else wrote into the hands of whoever holds it. Spent by a conditional update: two tabs link once.
 */
export async function linkGuestTicket({ contact, id, token, confirmed }: LinkRequest): Promise<LinkOutcome<TicketSummary>> {
  const tokenHash = hashGuestToken(token);
  const issuedAfter = new Date(Date.now() - RECEIPT_LIFETIME_MS);
  const ticket = await db.ticket.findUnique({
    where: { guestTokenHash: tokenHash },
    select: { id: true, number: true, subject: true, createdAt: true, contact: { select: { email: true } } },
  });
  if (!ticket || ticket.id !== id || ticket.createdAt <= issuedAfter) return GONE;
  const summary = { number: ticket.number, subject: ticket.subject };
  const typedEmail = ticket.contact.email;
  // Only the email: the contact's stored name may be someone else's, never the guest's to read.
  if (!confirmed) return { outcome: "needs_confirmation", guest: { name: null, email: typedEmail }, ...summary };
  const linked = await transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, guestTokenHash: tokenHash, createdAt: { gt: issuedAfter }, comments: { none: {} } },
      data: { contactId: contact.id, identityVerified: true, guestTokenHash: null },
    });
    if (count !== 1) return false;
    await tx.ticketComment.create({ data: { ticketId: ticket.id, isPublic: false, body: ticketLinkedNote(contact.email, typedEmail, confirmed) } });
    return true;
  });
  return linked ? { outcome: "linked", ...summary } : GONE;
}
