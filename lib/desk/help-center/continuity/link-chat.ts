import "server-only";
import { db } from "@/lib/shared/db";
import { transaction } from "@/lib/shared/transaction";
import { hashGuestToken } from "../guest-tokens";
import { chatSignedInNotice, sameEmail } from "./notes";
import { GONE, type LinkOutcome, type LinkRequest } from "./outcome";

/**
 * A guest's chat joins the signed-in contact: the same chat, its messages kept, now theirs by their
 * session (the guest token stops working) and verified, with a notice in the transcript. Only with
 * the chat's token, only while the chat is open, and, when the guest's email was not the contact's,
 * only once the person confirmed. The update is conditional on the token still being there, so two
 * tabs racing link it once.
 */
export async function linkGuestChat({ contact, id, token, confirmed }: LinkRequest): Promise<LinkOutcome> {
  const tokenHash = hashGuestToken(token);
  // Found by the hash: one indexed read per item, whatever the id names.
  const chat = await db.chatSession.findUnique({ where: { visitorTokenHash: tokenHash }, select: { id: true, status: true, contactId: true, visitorName: true, visitorEmail: true } });
  if (!chat || chat.id !== id || chat.contactId !== null || chat.status === "ended") return GONE;
  if (!confirmed && !sameEmail(chat.visitorEmail, contact.email)) {
    return { outcome: "needs_confirmation", guest: { name: chat.visitorName, email: chat.visitorEmail } };
  }
  const linked = await transaction(async (tx) => {
    const { count } = await tx.chatSession.updateMany({
      where: { id: chat.id, visitorTokenHash: tokenHash, contactId: null, status: { not: "ended" } },
      data: { contactId: contact.id, visitorTokenHash: null, identityVerified: true, visitorName: contact.name, visitorEmail: contact.email },
    });
    if (count !== 1) return false;
    await tx.chatMessage.create({ data: { sessionId: chat.id, kind: "notice", body: chatSignedInNotice(contact.email, chat.visitorEmail) } });
    return true;
  });
  return linked ? { outcome: "linked" } : GONE;
}
