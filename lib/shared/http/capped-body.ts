/** Request bodies read with care: the media type, and the bytes up to a limit. Shared by the Desk's and the site's upload routes. */

/** A Content-Type's media type, lower-cased and without parameters ("" when there is none). */
export function mediaTypeOf(contentType: string | null): string {
  return contentType?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

/**
 * A body's bytes, or null once they pass `maxBytes`: counted as they stream in and cancelled there,
 * so an oversized upload is never held whole. A buffer, so it can be sent on more than once.
 */
/** A byte stream as both the web's and undici's bodies are one (their types differ, their readers do not). */
type ByteStream = { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };

export async function readCappedBody(body: ByteStream | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
