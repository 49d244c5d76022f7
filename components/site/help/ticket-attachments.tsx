import type { Attachment } from "@/lib/contract/desk-api/attachments";
import { AttachmentList } from "@/components/ui/attachment-list";

// The site's own routes, which fetch each file from the Desk with the user's session.
const helpAttachmentHref = (id: string, variant: "file" | "thumbnail") => (variant === "thumbnail" ? `/help/attachments/${id}/thumbnail` : `/help/attachments/${id}`);

/** The files of a ticket's opening message or of one reply, as the help pages serve them. */
export function TicketAttachments({ attachments }: { attachments: Attachment[] }) {
  return <AttachmentList attachments={attachments} href={helpAttachmentHref} />;
}
