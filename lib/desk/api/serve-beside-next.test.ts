import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, serveBesideNext, type RouteHandler } from "./serve-beside-next";

// A real node:http server answering through serveBesideNext, as server.ts does, with a stand-in handler.
let server: Server | undefined;
afterEach(() => server?.close());

async function serve(handler: RouteHandler): Promise<string> {
  server = createServer((request, response) => void serveBesideNext(handler, request, response, "http://localhost:3000"));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("serveBesideNext", () => {
  it("hands the handler the request as Next.js would, and sends its answer with the headers every answer carries", async () => {
    const base = await serve(async (request) =>
      Response.json({ method: request.method, url: request.url, type: request.headers.get("content-type"), body: await request.text() }, { status: 201, headers: { "Cache-Control": "no-store" } }),
    );
    const response = await fetch(`${base}/desk/api/asap/v1/login?x=1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":"é"}' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ method: "POST", url: "http://localhost:3000/desk/api/asap/v1/login?x=1", type: "application/json", body: '{"a":"é"}' });
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a body over the limit without handing it over, whether it says its length or streams", async () => {
    let called = false;
    const base = await serve(async () => ((called = true), new Response("")));
    const declared = await fetch(`${base}/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(MAX_BODY_BYTES + 1) });
    expect(declared.status).toBe(400);
    expect((await declared.json()).error.code).toBe("VALIDATION_FAILED");

    const { port } = new URL(base);
    const streamed = httpRequest({ host: "127.0.0.1", port, path: "/login", method: "POST", headers: { "transfer-encoding": "chunked" } });
    streamed.on("error", () => {}); // the server closes the connection on the rest of the body
    const answered = once(streamed, "response");
    for (let sent = 0; sent <= MAX_BODY_BYTES; sent += 16 * 1024) streamed.write("x".repeat(16 * 1024));
    const [response] = (await answered) as [import("node:http").IncomingMessage];
    expect(response.statusCode).toBe(400);
    expect(response.headers.connection).toBe("close");
    streamed.destroy();
    expect(called).toBe(false);
  });

  it("answers a handler's unexpected failure with a 500 that says nothing of it: no message, no stack", async () => {
    const base = await serve(async () => {
      throw new Error("secret detail");
    });
    const response = await fetch(`${base}/login`, { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const body = await response.text();
    expect(JSON.parse(body).error.code).toBe("INTERNAL");
    expect(body).not.toContain("secret detail");
  });
});
