import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, MissingClientAddressError, rateLimitKey } from "./client-address";
import { proxyTrust, stampClientAddress, type TrustedProxies } from "./trusted-proxy";

// A real HTTP server on loopback doing what server.ts does, echoing what the app would then see.
const servers = new Map<string, { server: Server; port: number }>();

async function serve(name: string, trusted: TrustedProxies) {
  const trust = proxyTrust(trusted);
  const server = createServer((request, response) => {
    const { secure } = stampClientAddress(request, trust);
    const seen = clientAddress(new Headers(request.headers as Record<string, string>));
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ seen, secure, forwardedHost: request.headers["x-forwarded-host"] ?? null, raw: request.rawHeaders.filter((_, i, all) => all[i - 1]?.toLowerCase() === CLIENT_ADDRESS_HEADER) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.set(name, { server, port: (server.address() as AddressInfo).port });
}

function ask(name: string, headers: Record<string, string>): Promise<{ seen: string; secure: boolean; forwardedHost: string | null; raw: string[] }> {
  const { port } = servers.get(name)!;
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(JSON.parse(body)));
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  await serve("no proxy", []);
  await serve("one hop", 1);
  await serve("loopback proxy", ["loopback"]);
});
afterAll(() => Promise.all([...servers.values()].map(({ server }) => new Promise((resolve) => server.close(resolve)))));

describe("the client's address, decided by the app's server", () => {
  it("without a trusted proxy, is the socket's: X-Forwarded-For changes nothing", async () => {
    for (const forwarded of ["203.0.113.9", "1.1.1.1, 2.2.2.2", "garbage"]) {
      expect((await ask("no proxy", { "x-forwarded-for": forwarded })).seen).toBe("127.0.0.1");
    }
  });

  it("cannot be named by the client in the app's own header, even repeated", async () => {
    const answer = await ask("no proxy", { [CLIENT_ADDRESS_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.1" });
    expect(answer.seen).toBe("127.0.0.1");
    expect(answer.raw).toEqual(["127.0.0.1"]);
  });

  it("behind one trusted hop, is the entry that hop added (the right-most)", async () => {
    expect((await ask("one hop", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).seen).toBe("203.0.113.7");
  });

  it("behind trusted proxy addresses, skips only those addresses", async () => {
    expect((await ask("loopback proxy", { "x-forwarded-for": "203.0.113.7, 127.0.0.5" })).seen).toBe("203.0.113.7");
    expect((await ask("loopback proxy", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).seen).toBe("203.0.113.7");
  });

  it("drops X-Forwarded-Host and -Proto from anyone but a trusted proxy, before the app reads them", async () => {
    expect((await ask("no proxy", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).forwardedHost).toBeNull();
    expect((await ask("loopback proxy", { "x-forwarded-host": "app.example.com" })).forwardedHost).toBe("app.example.com");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", async () => {
    expect((await ask("no proxy", { "x-forwarded-proto": "https" })).secure).toBe(false);
    expect((await ask("loopback proxy", { "x-forwarded-proto": "https" })).secure).toBe(true);
  });

  it("fails closed where no server decided it, rather than sharing one bucket", () => {
    expect(() => clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toThrow(MissingClientAddressError);
  });
});

describe("rateLimitKey", () => {
  it("counts an IPv4 address alone, and an IPv6 address by its /64", () => {
    expect(rateLimitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(rateLimitKey("2001:db8:1:2::9"));
    expect(rateLimitKey("2001:db8:1:3::1")).not.toBe(rateLimitKey("2001:db8:1:2::1"));
  });
});
