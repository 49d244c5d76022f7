import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startProxy, type RunningProxy } from "./proxy";

// Real node:http servers on loopback behind the real proxy: what it relays is what a browser gets.
const servers: Server[] = [];
let proxy: RunningProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An upstream that answers with its name and remembers the headers and methods it saw. */
async function upstream(name: string) {
  const seen: Array<{ method: string; headers: IncomingHttpHeaders }> = [];
  const url = await listen(
    createServer((request, response) => {
      seen.push({ method: request.method ?? "", headers: request.headers });
      request.resume();
      request.on("end", () => response.writeHead(request.method === "POST" ? 201 : 200, { "Content-Type": "text/plain" }).end(name));
    }),
  );
  return { url, seen };
}

/**
 * A loopback URL where nothing listens: connections are refused. Port 1 (tcpmux) is never served
 * here, unlike a port freed a moment ago, which another process may take in between; each call
 * gets its own loopback address so the URLs differ.
 */
let deadHost = 1;
async function deadUrl(): Promise<string> {
  return `http://127.0.0.${++deadHost}:1`;
}

const post = (url: string) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"subject":"x"}' });

describe("cluster proxy", () => {
  it("hands requests to the instances in turn", async () => {
    const [a, b, c] = await Promise.all([upstream("a"), upstream("b"), upstream("c")]);
    proxy = await startProxy({ upstreams: [a.url, b.url, c.url] });
    const names: string[] = [];
    for (let i = 0; i < 6; i++) names.push(await (await fetch(`${proxy.url}/x`)).text());
    expect(names).toEqual(["a", "b", "c", "a", "b", "c"]);
    expect(proxy.stats().map((s) => s.responses)).toEqual([2, 2, 2]);
  });

  it("relays an event stream event by event, without waiting for its end", async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const url = await listen(
      createServer(async (_request, response) => {
        response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        response.write("data: first\n\n");
        await released; // the second event only once the client has the first: buffering would deadlock
        response.end("data: second\n\n");
      }),
    );
    proxy = await startProxy({ upstreams: [url] });
    const response = await fetch(`${proxy.url}/stream`);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    const first = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the first event was held back by the proxy")), 3_000)),
    ]);
    expect(new TextDecoder().decode(first.value)).toBe("data: first\n\n");
    release();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe("data: second\n\n");
  });

  it("cuts the client's connection when an instance dies half-way through its answer", async () => {
    const url = await listen(
      createServer((_request, response) => {
        response.writeHead(201, { "Content-Type": "application/json", "Content-Length": "100" });
        response.write('{"ticket":');
        setTimeout(() => response.socket?.destroy(), 50); // as SIGKILL would, mid-body
      }),
    );
    proxy = await startProxy({ upstreams: [url] });
    const response = await fetch(`${proxy.url}/tickets`);
    expect(response.status).toBe(201);
    await expect(Promise.race([response.text(), new Promise((resolve) => setTimeout(() => resolve("still waiting"), 3_000))])).rejects.toThrow();
    expect(proxy.stats()[0]).toMatchObject({ responses: 1, failed: 1 });
  });

  it("passes over an instance that refuses connections for a GET, and keeps passing it over for a while", async () => {
    const live = await upstream("live");
    proxy = await startProxy({ upstreams: [live.url, await deadUrl()] });
    const answers: Array<[number, string]> = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.url}/page`); // the dead one's turn is the 2nd and the 4th
      answers.push([response.status, await response.text()]);
    }
    expect(answers).toEqual(Array(4).fill([200, "live"]));
    expect(proxy.stats().map((s) => [s.responses, s.refused])).toEqual([
      [4, 0],
      [0, 1], // the 4th request found it cooling down and never tried it
    ]);
  });

  it("answers 502 for a POST that reached a refusing instance, never sending it elsewhere; the next POST goes to a live one", async () => {
    const live = await upstream("live");
    proxy = await startProxy({ upstreams: [await deadUrl(), live.url] });
    const refused = await post(`${proxy.url}/tickets`);
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("BAD_GATEWAY");
    expect(live.seen).toEqual([]);
    const next = await post(`${proxy.url}/tickets`);
    expect([next.status, await next.text()]).toEqual([201, "live"]);
  });

  it("answers 502 when every instance refuses", async () => {
    proxy = await startProxy({ upstreams: [await deadUrl(), await deadUrl()] });
    const response = await fetch(`${proxy.url}/page`);
    expect(response.status).toBe(502);
    expect(proxy.stats().map((s) => s.refused)).toEqual([1, 1]);
  });

  it("appends the client's address to X-Forwarded-For and states the protocol itself", async () => {
    const a = await upstream("a");
    proxy = await startProxy({ upstreams: [a.url] });
    await fetch(`${proxy.url}/`, { headers: { "X-Forwarded-For": "198.18.0.7", "X-Forwarded-Proto": "https" } });
    await fetch(`${proxy.url}/`);
    expect(a.seen.map((s) => s.headers["x-forwarded-for"])).toEqual(["198.18.0.7, 127.0.0.1", "127.0.0.1"]);
    expect(a.seen.map((s) => s.headers["x-forwarded-proto"])).toEqual(["http", "http"]);
    expect(a.seen[0]?.headers["x-forwarded-host"]).toBe(new URL(proxy.url).host);
  });
});
