import "server-only";
import { formatBytes } from "@/lib/contract/attachments";
import { AsapError } from "@/lib/desk/iam/errors";

export const fileTooLarge = (maxBytes: number) =>
  new AsapError("FILE_TOO_LARGE", `The file is larger than ${formatBytes(maxBytes)}, the limit for attachments.`, "Attach a smaller file, or compress it into a ZIP archive.");

/**
 * An upload's body: the file's bytes, sent as application/octet-stream, which a browser sends
 * cross-site only after a CORS preflight. Refused as soon as it is known to be too large, by its
 * Content-Length or while it streams in, so an oversized body is never held whole.
 */
export async function readUploadBody(request: Request, maxBytes: number): Promise<Buffer> {
  const mediaType = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType !== "application/octet-stream") {
    throw new AsapError("UNSUPPORTED_MEDIA_TYPE", "An upload's body must be the file itself, sent as application/octet-stream.", "Send Content-Type: application/octet-stream, with the file's name in ?name=.");
  }
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw fileTooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw fileTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
