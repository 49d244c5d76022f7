import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent } from "undici";
import { addressRange, ipLiteral } from "./endpoint-address";

/**
 * The SSRF guard's two checks on a call to an integrator's URL. Before the request: the URL's host,
 * an IP literal or every address its name resolves to, must be public. At the connection: the socket's
 * own DNS look-up goes through the same check (undici's `connect.lookup`), so a name that answers a
 * public address first and a private one a moment later (DNS rebinding) still cannot reach inside.
 */
export type HostResolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export type ConnectionPolicy = {
  /** Call loopback, private and other special-purpose addresses too (local development only). */
  allowPrivateAddresses: boolean;
  resolve: HostResolver;
};

/** A refused address class; the address itself is never put in a message (it is the Desk's network). */
export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
  constructor(
    readonly host: string,
    readonly range: string,
  ) {
    super(`${host} is a ${range} address`);
  }
}

/** The first special-purpose range among the addresses, or null when all are public. */
function refusedRange(addresses: Array<{ address: string }>): string | null {
  for (const { address } of addresses) {
    const range = addressRange(address);
    if (range !== "unicast") return range;
  }
  return null;
}

/** Throws RefusedAddressError when the URL's host is, or resolves to, a special-purpose address. */
export async function checkHost(url: URL, policy: ConnectionPolicy): Promise<void> {
  if (policy.allowPrivateAddresses) return;
  const literal = ipLiteral(url);
  const addresses = literal ? [{ address: literal }] : await policy.resolve(url.hostname);
  const range = refusedRange(addresses);
  if (range) throw new RefusedAddressError(url.hostname, range);
}

/** A dispatcher whose every connection resolves through the policy's resolver and check. */
export function guardedAgent(policy: ConnectionPolicy, connectTimeoutMs: number): Agent {
  const lookup: LookupFunction = (hostname, options, callback) => {
    const answer = async (): Promise<LookupAddress[]> => {
      const addresses = await policy.resolve(hostname);
      const range = policy.allowPrivateAddresses ? null : refusedRange(addresses);
      if (range) throw new RefusedAddressError(hostname, range);
      const family = options.family === 4 || options.family === 6 ? options.family : 0;
      const usable = addresses.filter((address) => family === 0 || address.family === family);
      if (usable.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" });
      return usable;
    };
    answer().then(
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
  return new Agent({ connect: { lookup, timeout: connectTimeoutMs } });
}
