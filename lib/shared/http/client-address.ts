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
