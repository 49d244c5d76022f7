import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AsapError } from "./errors";
import type { HostResolver } from "./endpoint-connection";
import { fetchLegacyJwt, LEGACY_MAX_BODY_BYTES, LEGACY_TIMEOUT_MS } from "./legacy-endpoint";

// A real HTTP server on loopback that counts what reaches it: a refusal must happen before any request.
const TOKEN = "header.payload.signature";
type Listening = { server: Server; port: number; hits: string[] };

async function listen(host: string): Promise<Listening | null> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/500") {
      response.statusCode = 500;
      return response.end("Internal Server Error: stack at db.internal:5432");
    }
    // The ways real endpoints break, each on its own path.
    if (path === "/json") return response.setHeader("Content-Type", "application/json").end(JSON.stringify({ token: TOKEN }));
    if (path === "/slow") return setTimeout(() => response.end("too late"), LEGACY_TIMEOUT_MS + 2_000).unref();
    if (path === "/huge") return response.setHeader("Content-Type", "text/plain").end("x".repeat(100_000));
    if (path === "/huge-stream") {
      response.setHeader("Content-Type", "text/plain"); // no Content-Length: the Desk must count as it reads
      for (let i = 0; i < 100; i++) response.write("x".repeat(1_000));
      return response.end();
    }
    if (path === "/bad-json") return response.setHeader("Content-Type", "application/json").end("{ not json");
    if (path === "/redirect") return response.writeHead(302, { Location: "/jwt" }).end();
    response.setHeader("Content-Type", "text/plain");
    response.end(TOKEN);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(0, host, () => resolve(true));
  });
  return listening ? { server, port: (server.address() as AddressInfo).port, hits } : null;
}

let v4: Listening;
let v6: Listening | null; // null where the machine has no ::1
beforeAll(async () => {
  v4 = (await listen("127.0.0.1"))!;
  v6 = await listen("::1");
});
afterAll(async () => {
  for (const it of [v4, v6]) if (it) await new Promise((resolve) => it.server.close(resolve));
});

async function failure(work: Promise<unknown>): Promise<AsapError> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AsapError);
  expect((error as AsapError).code).toBe("LEGACY_ENDPOINT_FAILED");
  return error as AsapError;
}

const GENERIC = { message: "Your app's login service did not answer as expected.", hint: "The site's administrator can see why in the Desk portal's login log." };
const strict = { allowPrivateAddresses: false };
const allowing = { allowPrivateAddresses: true };

describe("fetchLegacyJwt: the SSRF guard", () => {
  const loopbackUrls = () => [
    `http://127.0.0.1:${v4.port}/jwt`,
    `http://0x7f000001:${v4.port}/jwt`,
    `http://2130706433:${v4.port}/jwt`,
    `http://127.1:${v4.port}/jwt`,
    `http://localhost:${v4.port}/jwt`,
    `http://[::ffff:127.0.0.1]:${v4.port}/jwt`,
  ];

  it("refuses loopback in every encoding, and by name, before a single request is sent", async () => {
    for (const url of loopbackUrls()) {
      const error = await failure(fetchLegacyJwt(url, "user-token", strict));
      expect(error.toJSON(), url).toEqual({ code: "LEGACY_ENDPOINT_FAILED", ...GENERIC });
      expect(error.logDetail, url).toContain("loopback");
    }
    expect(v4.hits).toEqual([]);
  });

  it("refuses [::1] before a single request is sent", async (context) => {
    if (!v6) return context.skip();
    const error = await failure(fetchLegacyJwt(`http://[::1]:${v6.port}/jwt`, "user-token", strict));
    expect(error.message).toBe(GENERIC.message);
    expect(error.logDetail).toContain("loopback");
    expect(v6.hits).toEqual([]);
  });

  it("refuses a name when any one of its addresses is special", async () => {
    const resolve: HostResolver = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const error = await failure(fetchLegacyJwt(`http://mixed.test:${v4.port}/jwt`, "user-token", { ...strict, resolve }));
    expect(error.logDetail).toContain("private");
    expect(error.logDetail).not.toContain("10.0.0.7"); // the log names the class, never the Desk's own network
  });

  it("checks the address it connects to, so a name that rebinds after the check still cannot reach loopback", async () => {
    let calls = 0;
    const resolve: HostResolver = async () => (++calls === 1 ? [{ address: "93.184.215.14", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);
    const error = await failure(fetchLegacyJwt(`http://rebind.test:${v4.port}/jwt`, "user-token", { ...strict, resolve }));
    expect(calls).toBe(2);
    expect(error.logDetail).toContain("loopback");
    expect(v4.hits).toEqual([]);
  });

  it("with the Desk-wide allowance, calls the same loopback endpoints (the demo's set-up)", async () => {
    const before = v4.hits.length;
    for (const url of loopbackUrls()) await expect(fetchLegacyJwt(url, "user-token", allowing), url).resolves.toBe(TOKEN);
    expect(v4.hits.length - before).toBe(loopbackUrls().length);
    expect(v4.hits.at(-1)).toBe("/jwt?user_token=user-token");
    if (v6) await expect(fetchLegacyJwt(`http://[::1]:${v6.port}/jwt`, "user-token", allowing)).resolves.toBe(TOKEN);
  });

  it("connects to the address its own resolver gave: no second, unchecked DNS look-up", async () => {
    const resolve: HostResolver = async () => [{ address: "127.0.0.1", family: 4 }];
    await expect(fetchLegacyJwt(`http://only-our-resolver-knows.test:${v4.port}/jwt`, "user-token", { ...allowing, resolve })).resolves.toBe(TOKEN);
  });
});

describe("fetchLegacyJwt: what the widget hears, and what the login log keeps", () => {
  it("answers an endpoint's failure generically; the log says what happened", async () => {
    const error = await failure(fetchLegacyJwt(`http://127.0.0.1:${v4.port}/500`, "user-token", allowing));
    expect(error.toJSON()).toEqual({ code: "LEGACY_ENDPOINT_FAILED", ...GENERIC });
    expect(error.logDetail).toContain("HTTP 500");
    expect(JSON.stringify(error.toJSON())).not.toContain("db.internal");
  });

  it("answers an unreachable endpoint generically", async () => {
    const closed = (await listen("127.0.0.1"))!;
    await new Promise((resolve) => closed.server.close(resolve));
    const error = await failure(fetchLegacyJwt(`http://127.0.0.1:${closed.port}/jwt`, "user-token", allowing));
    expect(error.message).toBe(GENERIC.message);
    expect(error.logDetail).toContain("network error");
  });

  it("gives up on a host name that does not resolve in time, like any slow endpoint", async () => {
    const resolve: HostResolver = () => new Promise(() => {}); // a resolver that never answers
    const started = Date.now();
    const error = await failure(fetchLegacyJwt(`http://slow-dns.test:${v4.port}/jwt`, "user-token", { ...strict, resolve }));
    expect(Date.now() - started).toBeLessThan(LEGACY_TIMEOUT_MS + 1_000);
    expect(error.logDetail).toContain("timeout");
  });

  it("answers a refused scheme generically", async () => {
    const error = await failure(fetchLegacyJwt("file:///etc/passwd", "user-token", allowing));
    expect(error.message).toBe(GENERIC.message);
    expect(error.logDetail).toContain("not an http(s) URL");
  });
});

describe("fetchLegacyJwt: what an endpoint may answer", () => {
  it("takes the JWT as plain text or as JSON's token", async () => {
    expect(await fetchLegacyJwt(`http://127.0.0.1:${v4.port}/jwt`, "user-token", allowing)).toBe(TOKEN);
    expect(await fetchLegacyJwt(`http://127.0.0.1:${v4.port}/json`, "user-token", allowing)).toBe(TOKEN);
  });

  const broken: Array<[string, string, string]> = [
    ["a huge body", "/huge", `longer than ${LEGACY_MAX_BODY_BYTES} bytes`],
    ["a huge body streamed without a length", "/huge-stream", `longer than ${LEGACY_MAX_BODY_BYTES} bytes`],
    ["broken JSON", "/bad-json", "not valid JSON"],
    ["a redirect, which it does not follow", "/redirect", "redirect (302), which is not followed"],
  ];
  for (const [what, path, cause] of broken) {
    it(`refuses ${what}, generically; the log says why`, async () => {
      const error = await failure(fetchLegacyJwt(`http://127.0.0.1:${v4.port}${path}`, "user-token", allowing));
      expect(error.toJSON()).toEqual({ code: "LEGACY_ENDPOINT_FAILED", ...GENERIC });
      expect(error.logDetail).toContain(cause);
    });
  }

  it("gives up on a slow endpoint at its own timeout, not the endpoint's pace", async () => {
    const started = Date.now();
    const error = await failure(fetchLegacyJwt(`http://127.0.0.1:${v4.port}/slow`, "user-token", allowing));
    expect(Date.now() - started).toBeLessThan(LEGACY_TIMEOUT_MS + 1_000);
    expect(error.logDetail).toContain("timeout");
  });
});
