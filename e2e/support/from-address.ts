import { Agent, fetch, type RequestInit } from "undici";

/**
 * HTTP from another loopback address (127.0.0.2, …): a second client whose socket address differs
 * from the site's own server (127.0.0.1), as an attacker's would in production.
 */
const agents = new Map<string, Agent>();

export function fetchFrom(localAddress: string, url: string, init: RequestInit = {}) {
  let agent = agents.get(localAddress);
  if (!agent) agents.set(localAddress, (agent = new Agent({ localAddress })));
  return fetch(url, { ...init, dispatcher: agent });
}
