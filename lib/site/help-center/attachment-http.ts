import { isAttachmentType, isImageType } from "@/lib/contract/attachments";
import { mediaTypeOf } from "@/lib/shared/http/capped-body";
import { FILE_SECURITY_HEADERS } from "@/lib/shared/http/file-response";

/** The headers of a Desk file passed on to the browser, free of the network so they can be tested. */

// Thumbnails are WebP, whether or not WebP uploads are allowed.
const THUMBNAIL_TYPE = "image/webp";

/**
 * The headers a Desk file is served with by the site: the shared security headers, and of the Desk's
 * own only those that describe the file. A type no attachment may have becomes an opaque download,
 * and only an image may be shown inline, whatever the Desk said.
 */
export function servedFileHeaders(desk: Headers): Headers {
  const headers = new Headers(FILE_SECURITY_HEADERS);
  const type = mediaTypeOf(desk.get("content-type"));
  if (isAttachmentType(type) || type === THUMBNAIL_TYPE) {
    const inline = isImageType(type) || type === THUMBNAIL_TYPE;
    const disposition = desk.get("content-disposition") ?? "attachment";
    headers.set("Content-Type", type === "text/plain" ? "text/plain; charset=utf-8" : type);
    headers.set("Content-Disposition", inline ? disposition : disposition.replace(/^\s*inline\b/i, "attachment"));
  } else {
    headers.set("Content-Type", "application/octet-stream");
    headers.set("Content-Disposition", "attachment");
  }
  // A compressed answer's length is not the length of the bytes fetch hands on (it decompresses).
  const length = desk.get("content-length");
  if (length && /^\d+$/.test(length) && !desk.has("content-encoding")) headers.set("Content-Length", length);
  return headers;
}
