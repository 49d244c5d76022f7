import "server-only";
import type { Attachment } from "@/lib/contract/desk-api/attachments";
import type { AttachmentType } from "@/lib/contract/attachments";
import type { Jsonable } from "@/lib/contract/json";

/** What every answer says of an attachment: the columns to select, and the wire shape they make. */
export const attachmentColumns = { id: true, name: true, size: true, contentType: true, thumbnail: true, createdAt: true } as const;

export type AttachmentRow = { id: string; name: string; size: number; contentType: string; thumbnail: boolean; createdAt: Date };

export const toAttachment = (row: AttachmentRow) =>
  ({
    id: row.id,
    name: row.name,
    size: row.size,
    // Written only by the upload, from the contract's list; the cast names what the column holds.
    contentType: row.contentType as AttachmentType,
    image: row.thumbnail,
    createdAt: row.createdAt,
  }) satisfies Jsonable<Attachment>;

/** A carrier's attachments, as its `attachments` select: in upload order. */
export const attachmentsOf = { select: attachmentColumns, orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] };
