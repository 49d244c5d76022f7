import "server-only";
import type { Prisma } from "@prisma/client";
import { AsapError } from "@/lib/desk/iam/errors";
import { attachmentsOf, toAttachment } from "./view";

/** Who sends the message: only their own pending uploads can go with it. */
export type Sender = { kind: "contact"; contactId: string } | { kind: "guest" } | { kind: "agent"; agentId: string };

/** A service's input whose files may be left out (callers below HTTP; the API's schemas default them to none). */
export type FilesOptional<T extends { attachmentIds: string[] }> = Omit<T, "attachmentIds"> & { attachmentIds?: string[] };

/** What carries the files: a ticket (its opening), a comment on it, or a chat message. */
export type Carrier = { ticketId: string; commentId?: string } | { chatMessageId: string };

const uploadedBy = (sender: Sender) =>
  sender.kind === "contact"
    ? { uploaderKind: "contact", contactId: sender.contactId }
    : sender.kind === "agent"
      ? { uploaderKind: "agent", agentId: sender.agentId }
      : { uploaderKind: "guest" };

/**
 * Attaches the sender's pending uploads to what carries them, inside the transaction that creates it:
 * all of them or, with the message itself, none. An id that is unknown, already sent, swept, or
 * someone else's upload is refused alike; a guest's upload is theirs by its id, which only they know.
 */
export async function attachUploads(tx: Prisma.TransactionClient, sender: Sender, ids: string[] = [], carrier: Carrier) {
  if (ids.length === 0) return [];
  const { count } = await tx.attachment.updateMany({
    where: { id: { in: ids }, attachedAt: null, ...uploadedBy(sender) },
    data: { ...carrier, attachedAt: new Date() },
  });
  if (count !== ids.length) {
    throw new AsapError("VALIDATION_FAILED", "An attachment is unknown, already sent, or expired.", "Upload the file again, then send the message with its new id.");
  }
  const rows = await tx.attachment.findMany({ where: { id: { in: ids } }, ...attachmentsOf });
  return rows.map(toAttachment);
}
