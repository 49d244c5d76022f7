import ipaddr from "ipaddr.js";

/**
 * The client's address, for rate limits and logs (never for authorisation). Route handlers never
 * see the socket, so the app's own server (server.ts) works the address out once per request, from
 * the socket and only the proxies it was told to trust, and hands it over in this header after
 * removing any copy the client sent. X-Forwarded-For itself is never read here: without a trusted
 * proxy in front, any client could write whatever it likes there.
 */
export const CLIENT_ADDRESS_HEADER = "x-asap-client-address";

export class MissingClientAddressError extends Error {
  override name = "MissingClientAddressError";
  constructor() {
    super(`The request has no ${CLIENT_ADDRESS_HEADER} header: run the app through server.ts (npm run dev / npm start), which sets it.`);
  }
}

export function clientAddress(headers: Headers): string {
  const address = headers.get(CLIENT_ADDRESS_HEADER);
  // Failing closed: one shared "unknown" bucket would let one client exhaust every limit for all.
  if (!address) throw new MissingClientAddressError();
  return address;
}

/**
 * The key a per-address limit counts under. An IPv6 client commonly holds a whole /64 (2^64
 * addresses), so IPv6 addresses count by their /64 prefix; IPv4 addresses count alone. Logs keep
 * the full address.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.IPv6.isValid(address) || ipaddr.IPv4.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(":")}::/64`;
}
