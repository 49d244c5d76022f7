import "server-only";
import { AsapError } from "@/lib/desk/iam/errors";
import { hashVisitorToken } from "@/lib/desk/help-center/chat";
import { db } from "@/lib/shared/db";
import { logError } from "@/lib/shared/log-error";
import { attachmentStore } from "./configured-store";
import { thumbnailKey, type AttachmentStore } from "./store";

/**
 * Who asks for a file. The rules are those of what carries it (DESIGN §4): a contact reads the files
 * of their own tickets (public comments only) and chats, a guest those of the chat whose token they
 * hold, an agent everything in the console; an uploader also sees their own pending upload. Anything
 * else is NOT_FOUND, exactly like a file that does not exist.
 */
export type Reader = { kind: "contact"; contactId: string } | { kind: "guest"; chatToken: string | null } | { kind: "agent"; agentId: string };

export type Variant = "file" | "thumbnail";

const notFound = () => new AsapError("NOT_FOUND", "There is no such attachment.", "Check the link, or ask whoever sent it.");

export async function openAttachment(reader: Reader, id: string, variant: Variant, store: AttachmentStore = attachmentStore) {
  const row = await db.attachment.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      contentType: true,
      thumbnail: true,
      attachedAt: true,
      uploaderKind: true,
      contactId: true,
      agentId: true,
      ticket: { select: { contactId: true } },
      comment: { select: { isPublic: true } },
      chatMessage: { select: { session: { select: { contactId: true, visitorTokenHash: true } } } },
    },
  });
  if (!row || !mayRead(reader, row) || (variant === "thumbnail" && !row.thumbnail)) throw notFound();
  const bytes = await store.get(variant === "thumbnail" ? thumbnailKey(row.id) : row.id);
  if (!bytes) {
    logError("[attachments] a row names a file the store does not have:", row.id);
    throw notFound();
  }
  return { name: row.name, contentType: variant === "thumbnail" ? "image/webp" : row.contentType, bytes };
}

type Row = {
  attachedAt: Date | null;
  uploaderKind: string;
  contactId: string | null;
  agentId: string | null;
  ticket: { contactId: string } | null;
  comment: { isPublic: boolean } | null;
  chatMessage: { session: { contactId: string | null; visitorTokenHash: string | null } } | null;
};

function mayRead(reader: Reader, row: Row): boolean {
  if (!row.attachedAt) {
    if (reader.kind === "contact") return row.uploaderKind === "contact" && row.contactId === reader.contactId;
    if (reader.kind === "agent") return row.uploaderKind === "agent" && row.agentId === reader.agentId;
    return false;
  }
  if (reader.kind === "agent") return true;
  const chat = row.chatMessage?.session;
  if (reader.kind === "guest") return Boolean(chat?.visitorTokenHash && reader.chatToken && chat.visitorTokenHash === hashVisitorToken(reader.chatToken));
  if (chat) return chat.contactId === reader.contactId;
  if (row.comment && !row.comment.isPublic) return false; // files on an agent's private note
  return row.ticket?.contactId === reader.contactId;
}
