import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { asapDesk } from "./desk-client.js";
import { AsapDeskError } from "./desk-error.js";

type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A fetch that records each request and answers with `answer`. */
function fakeFetch(answer: (sent: Sent) => Response = () => Response.json({ ok: true })) {
  const sent: Sent[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request: Sent = {
      url: String(input),
      method: init?.method ?? "GET",
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    return answer(request);
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const TOKEN = "t".repeat(40);

describe("asapDesk", () => {
  it("needs a URL and a token, and says which variable gives each", () => {
    expect(() => asapDesk({ url: "", token: TOKEN })).toThrow(/ASAP_DESK_URL/);
    expect(() => asapDesk({ url: "http://desk.test", token: "" })).toThrow(/ASAP_DESK_CONTROL_TOKEN/);
  });

  it("sends each call to its documented route with the bearer, JSON bodies and queries", async () => {
    const { sent, fetch } = fakeFetch();
    const desk = asapDesk({ url: "http://desk.test/", token: TOKEN, fetch });
    await desk.reset();
    await desk.createAddon({ origins: ["http://shop.test"], key: { kid: "k1", secret: "s" } });
    await desk.addKey("addon 1");
    await desk.revokeKey("a1", "k/1");
    await desk.rotateKey("a1", "k1", { overlapSeconds: 60 });
    await desk.loginEvents("a1", { outcome: "failure", code: undefined });
    await desk.tickets({ email: "ada+1@example.com" });
    await desk.chats();
    await desk.getClock();
    await desk.setClock({ offsetSeconds: 600 });
    await desk.explain({ addonId: "a1", token: "x.y.z" });

    const base = "http://desk.test/desk/api/test-control/v1/";
    expect(sent.map(({ method, url, body }) => [method, url.replace(base, ""), body])).toEqual([
      ["POST", "reset", {}],
      ["POST", "addons", { origins: ["http://shop.test"], key: { kid: "k1", secret: "s" } }],
      ["POST", "addons/addon%201/keys", {}],
      ["POST", "addons/a1/keys/k%2F1/revoke", {}],
      ["POST", "addons/a1/keys/k1/rotate", { overlapSeconds: 60 }],
      ["GET", "addons/a1/login-events?outcome=failure", undefined],
      ["GET", "tickets?email=ada%2B1%40example.com", undefined],
      ["GET", "chats", undefined],
      ["GET", "clock", undefined],
      ["PUT", "clock", { offsetSeconds: 600 }],
      ["POST", "explain", { addonId: "a1", token: "x.y.z" }],
    ]);
    for (const request of sent) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers["content-type"]).toBe(request.body === undefined ? undefined : "application/json");
    }
  });

  it("keeps a path prefix of the Desk's URL", async () => {
    const { sent, fetch } = fakeFetch();
    await asapDesk({ url: "https://tests.example/desk-sim", token: TOKEN, fetch }).getClock();
    expect(sent[0]?.url).toBe("https://tests.example/desk-sim/desk/api/test-control/v1/clock");
  });

  it("returns the Desk's answer as it came", async () => {
    const answer = { offsetSeconds: 600, now: "2030-01-01T00:10:00.000Z" };
    const { fetch } = fakeFetch(() => Response.json(answer));
    await expect(asapDesk({ url: "http://desk.test", token: TOKEN, fetch }).getClock()).resolves.toEqual(answer);
  });

  it("throws the Desk's refusal as an AsapDeskError with its status, code and hint", async () => {
    const { fetch } = fakeFetch(() => Response.json({ error: { code: "TEST_CONTROL_UNAUTHORIZED", message: "Wrong token.", hint: "Use DESK_TEST_CONTROL_TOKEN." } }, { status: 401 }));
    const failure = asapDesk({ url: "http://desk.test", token: TOKEN, fetch }).reset();
    await expect(failure).rejects.toBeInstanceOf(AsapDeskError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: "TEST_CONTROL_UNAUTHORIZED", hint: "Use DESK_TEST_CONTROL_TOKEN.", request: "POST /desk/api/test-control/v1/reset" });
  });

  it("calls a success that is not JSON UNEXPECTED_ANSWER", async () => {
    const { fetch } = fakeFetch(() => new Response("<html></html>", { status: 200 }));
    await expect(asapDesk({ url: "http://desk.test", token: TOKEN, fetch }).getClock()).rejects.toMatchObject({ status: 200, code: "UNEXPECTED_ANSWER" });
  });

  it("calls a request that got no answer DESK_UNREACHABLE", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    await expect(asapDesk({ url: "http://desk.test", token: TOKEN, fetch }).getClock()).rejects.toMatchObject({ status: 0, code: "DESK_UNREACHABLE" });
  });

  it("follows no redirect: a key's secret is never re-sent to where a redirect points", async () => {
    let reachedElsewhere = false;
    const elsewhere = createServer((_, response) => {
      reachedElsewhere = true;
      response.end("{}");
    }).listen(0, "127.0.0.1");
    await once(elsewhere, "listening");
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`;
    const desk = createServer((_, response) => response.writeHead(307, { location: target }).end()).listen(0, "127.0.0.1");
    await once(desk, "listening");
    try {
      const client = asapDesk({ url: `http://127.0.0.1:${(desk.address() as AddressInfo).port}`, token: TOKEN });
      const refused = await client.addKey("addon_x", { kid: "k1", secret: "s".repeat(40) }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AsapDeskError);
      expect((refused as AsapDeskError).status).toBe(307);
      expect(reachedElsewhere).toBe(false);
    } finally {
      desk.close();
      elsewhere.close();
    }
  });
});
