import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** A number of proxy hops, or the proxies' addresses / CIDR ranges (proxy-addr's names allowed). */
export type TrustedProxies = number | string[];
type Trust = (address: string, hop: number) => boolean;

export function proxyTrust(trusted: TrustedProxies): Trust {
  if (typeof trusted === "number") return (_address, hop) => hop < trusted;
  return trusted.length === 0 ? () => false : proxyaddr.compile(trusted);
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client: the same key for every limit. */
function canonical(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/**
 * Decides who the client is, from the socket and the trusted proxies only, and writes it where the
 * app reads it (CLIENT_ADDRESS_HEADER), replacing whatever the client sent under that name. Also
 * says whether the client reached us over HTTPS (TLS here, or a trusted proxy's X-Forwarded-Proto).
 */
export function stampClientAddress(request: IncomingMessage, trust: Trust): { address: string; secure: boolean } {
  const address = canonical(proxyaddr(request, trust));
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i]?.toLowerCase() === CLIENT_ADDRESS_HEADER) raw.splice(i, 2);
  }
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  raw.push(CLIENT_ADDRESS_HEADER, address);

  const peer = request.socket.remoteAddress ?? "";
  const fromTrustedProxy = trust(peer, 0);
  if (!fromTrustedProxy) {
    // Only a trusted proxy may say which host and scheme the client used (Auth.js and the origin
    // checks read these): from anyone else they are dropped.
    for (const name of ["x-forwarded-proto", "x-forwarded-host"]) {
      delete request.headers[name];
      for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]?.toLowerCase() === name) raw.splice(i, 2);
    }
  }
  const forwardedProto = fromTrustedProxy ? String(request.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() : "";
  const secure = Boolean((request.socket as TLSSocket).encrypted) || forwardedProto === "https";
  return { address, secure };
}
