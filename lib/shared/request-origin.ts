/**
 * The origin the browser used to reach us. `request.url` / `nextUrl` in `next start` name the
 * server's configured host (e.g. localhost) rather than the Host the browser sent (e.g. 127.0.0.1),
 * so compare Origin headers against this instead. A proxy in front sets X-Forwarded-Proto/Host.
 */
export function requestOrigin(request: Request): string {
  const headers = request.headers;
  const url = new URL(request.url);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || url.host;
  return `${proto}://${host}`;
}
