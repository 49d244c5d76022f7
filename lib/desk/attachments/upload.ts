import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { spendGuestUpload } from "@/lib/desk/help-center/guest-limits";
import { env } from "@/lib/shared/env";
import { db } from "@/lib/shared/db";
import { attachmentStore } from "./configured-store";
import { safeFileName } from "./file-name";
import { inspectFile } from "./inspect";
import { thumbnailKey, type AttachmentStore } from "./store";
import { sweepNowAndThen } from "./sweep";
import { spendContactUpload } from "./upload-limits";
import { attachmentColumns, toAttachment } from "./view";

/** Who uploads: what they may later attach it to follows from this (./attach.ts). */
export type Uploader = { kind: "contact"; contactId: string } | { kind: "guest"; clientIp: string } | { kind: "agent"; agentId: string };

/**
 * One upload, in the order that keeps the store and the database consistent through a crash at any
 * step: check the bytes, write them (and an image's thumbnail) durably to the store, and only then
 * insert the row that describes them. A crash before the insert leaves a file without a row, which
 * the sweep removes; never a row without its file. The upload stays pending until a ticket, comment
 * or chat message names it.
 *
 * `readBody(maxBytes)` reads the request's bytes; it runs after a guest's limit is spent, so a guest
 * over the limit is refused before their bytes are read.
 */
export async function receiveUpload(uploader: Uploader, givenName: string, readBody: (maxBytes: number) => Promise<Buffer>, store: AttachmentStore = attachmentStore) {
  if (uploader.kind === "guest") await spendGuestUpload(uploader.clientIp);
  if (uploader.kind === "contact") await spendContactUpload(uploader.contactId);
  const bytes = await readBody(env.ATTACHMENT_MAX_BYTES);
  const { contentType, thumbnail } = await inspectFile(bytes);
  const id = randomBytes(16).toString("base64url");
  await store.put(id, bytes);
  if (thumbnail) await store.put(thumbnailKey(id), thumbnail);
  // Should the insert fail, the files stay for the sweep: the insert may have committed before it
  // failed (a connection lost after COMMIT), and a row must never lose its file.
  const row = await db.attachment.create({
    data: {
      id,
      name: safeFileName(givenName, contentType),
      size: bytes.length,
      contentType,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      thumbnail: thumbnail !== null,
      uploaderKind: uploader.kind,
      contactId: uploader.kind === "contact" ? uploader.contactId : null,
      agentId: uploader.kind === "agent" ? uploader.agentId : null,
    },
    select: attachmentColumns,
  });
  sweepNowAndThen(store);
  return toAttachment(row);
}
