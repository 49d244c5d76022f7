import ipaddr from "ipaddr.js";

/**
 * Which addresses the Desk may call on an integrator's behalf (the legacy JWT endpoint): public
 * unicast only. Loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local,
 * carrier-grade NAT, multicast, reserved and the IPv6 transition ranges that embed an IPv4 address
 * (6to4, Teredo, NAT64) would let an admin aim the Desk at its own network (SSRF). ipaddr.js names the
 * ranges; the WHATWG URL parser has already turned 0x7f000001, 2130706433, 0177.0.0.1 and 127.1 into
 * 127.0.0.1 by the time a host reaches this module.
 */

/** ipaddr.js's range name ("unicast" for public addresses), after unwrapping IPv4-mapped IPv6. */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  // IPv4-compatible IPv6 (::a.b.c.d, deprecated): ipaddr.js calls it unicast, but it names an IPv4 host.
  if (range === "unicast" && parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return "ipv4Compatible";
  return range;
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}

/** The URL's host when it is an IP address (IPv6 without brackets); null when it is a name to resolve. */
export function ipLiteral(url: URL): string | null {
  const host = url.hostname;
  if (host.startsWith("[") && host.endsWith("]")) return host.slice(1, -1);
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? host : null;
}

/** The range a URL's host is known to be without asking DNS (an IP literal, or localhost), or null. */
export function knownHostRange(url: URL): string | null {
  const literal = ipLiteral(url);
  if (literal !== null) {
    const range = addressRange(literal);
    return range === "unicast" ? null : range;
  }
  // RFC 6761: localhost and every name under it are loopback, whatever a resolver says.
  const host = url.hostname.replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") ? "loopback" : null;
}

const RANGE_WORDS: Record<string, string> = {
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  carrierGradeNat: "carrier-grade NAT",
  ipv4Mapped: "IPv4-mapped",
  ipv4Compatible: "IPv4-compatible",
  deprecatedSiteLocal: "site-local",
};

/** A range name for people: "link-local" rather than ipaddr.js's "linkLocal". */
export function describeRange(range: string): string {
  return RANGE_WORDS[range] ?? range;
}
