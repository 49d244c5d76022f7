import contentDisposition from "content-disposition";
import { isImageType } from "@/lib/contract/attachments";

/**
 * How every uploaded file leaves the app, from the Desk or through the site: never as something the
 * browser could run on this origin. The type is the one the Desk decided from the bytes, and never
 * sniffed (nosniff); anything but an image is a download (Content-Disposition: attachment); and the
 * answer's own CSP sandboxes it with no script and no resources, so even a file opened directly, as
 * a document, can do nothing, nor be framed. Private, never stored by a shared cache: it is someone's
 * ticket. next.config.ts leaves these routes' CSP to them.
 */
export const FILE_SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "private, no-store",
} as const;

export type StoredFile = { name: string; contentType: string; bytes: Uint8Array };

/** The type as served: text always names its charset, so it is never guessed. */
const servedType = (contentType: string) => (contentType === "text/plain" ? "text/plain; charset=utf-8" : contentType);

export function fileResponse(file: StoredFile): Response {
  const inline = isImageType(file.contentType) || file.contentType === "image/webp";
  // A view of the bytes, not a copy; they come from a file read or a fetch, never shared memory.
  const body = new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>;
  return new Response(body, {
    headers: {
      ...FILE_SECURITY_HEADERS,
      "Content-Type": servedType(file.contentType),
      "Content-Length": String(file.bytes.byteLength),
      // An ASCII name for old clients, the UTF-8 one (filename*) for everyone else: never raw Latin-1 bytes in a header.
      "Content-Disposition": contentDisposition(file.name, { type: inline ? "inline" : "attachment", fallback: file.name.replace(/[^\x20-\x7e]/g, "_") }),
    },
  });
}
