import { z } from "zod";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS_PER_MESSAGE } from "@/lib/contract/attachments";
import { count, isoDateTime, requiredText } from "./common-schemas";
import { answerShapes, requestShapes } from "./registry";

/**
 * Attachments: `attachments?name=` (upload one file: its bytes as application/octet-stream), then
 * name its id in `attachmentIds` of the ticket, comment or chat message that carries it.
 * `attachments/{id}` serves the file and `attachments/{id}/thumbnail` an image's thumbnail, to those
 * who may read what carries it (NOT_FOUND otherwise). Rules: lib/contract/attachments.ts.
 */

/** An upload's id: 128 random bits, base64url. Until sent, knowing it is what lets its uploader attach it. */
export const attachmentId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: "attachment ids are 22 base64url characters" });

export const uploadQuery = z.object({ name: requiredText("name", 255) });
export type UploadQuery = z.infer<typeof uploadQuery>;

/** The `attachmentIds` of a ticket, comment or chat message: up to MAX_ATTACHMENTS_PER_MESSAGE uploads, each once. */
export const attachmentIds = z
  .array(attachmentId)
  .max(MAX_ATTACHMENTS_PER_MESSAGE, { error: `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments per message` })
  .refine((ids) => new Set(ids).size === ids.length, { error: "an attachment is named twice" })
  .default([]);

export const attachment = z
  .strictObject({
    id: attachmentId,
    /** Made safe to show and to save as: no path, no control or direction characters, and an ending that fits the type. */
    name: z.string(),
    size: count,
    /** Decided by the Desk from the file's bytes. */
    contentType: z.enum(ATTACHMENT_TYPES),
    /** An image that decoded: it has a thumbnail and is shown inline. */
    image: z.boolean(),
    createdAt: isoDateTime,
  })
  .register(answerShapes, { id: "Attachment" });
export type Attachment = z.infer<typeof attachment>;

export const uploadAnswer = z.strictObject({ attachment }).register(answerShapes, { id: "UploadAnswer" });
export type UploadAnswer = z.infer<typeof uploadAnswer>;

/** The request side, for the OpenAPI document: the file's bytes. */
export const uploadBody = z.string().meta({ format: "binary" }).register(requestShapes, { id: "UploadBody" });

/** What the Desk accepts, for forms that check a file before sending it. */
export const attachmentRulesAnswer = z
  .strictObject({ maxBytes: count, maxPerMessage: count, types: z.array(z.enum(ATTACHMENT_TYPES)) })
  .register(answerShapes, { id: "AttachmentRulesAnswer" });
export type AttachmentRulesAnswer = z.infer<typeof attachmentRulesAnswer>;
