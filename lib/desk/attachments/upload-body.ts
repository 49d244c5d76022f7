import "server-only";
import { formatBytes } from "@/lib/contract/attachments";
import { AsapError } from "@/lib/desk/iam/errors";
import { mediaTypeOf, readCappedBody } from "@/lib/shared/http/capped-body";

export const fileTooLarge = (maxBytes: number) =>
  new AsapError("FILE_TOO_LARGE", `The file is larger than ${formatBytes(maxBytes)}, the limit for attachments.`, "Attach a smaller file, or compress it into a ZIP archive.");

/**
 * An upload's body: the file's bytes, sent as application/octet-stream, which a browser sends
 * cross-site only after a CORS preflight. Refused as soon as it is known to be too large, by its
 * Content-Length or while it streams in, so an oversized body is never held whole.
 */
export async function readUploadBody(request: Request, maxBytes: number): Promise<Buffer> {
  if (mediaTypeOf(request.headers.get("content-type")) !== "application/octet-stream") {
    throw new AsapError("UNSUPPORTED_MEDIA_TYPE", "An upload's body must be the file itself, sent as application/octet-stream.", "Send Content-Type: application/octet-stream, with the file's name in ?name=.");
  }
  if (Number(request.headers.get("content-length")) > maxBytes) throw fileTooLarge(maxBytes);
  const bytes = await readCappedBody(request.body, maxBytes);
  if (!bytes) throw fileTooLarge(maxBytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
