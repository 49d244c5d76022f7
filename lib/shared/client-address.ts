/**
 * The client's address as seen by the nearest hop. `next start` sets X-Forwarded-For to the socket's
 * address only when the request has none, and a reverse proxy appends the address it saw, so the
 * right-most entry is the one no client can choose when a proxy is in front. Used for rate limiting
 * and login logs only, never for authorisation.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
