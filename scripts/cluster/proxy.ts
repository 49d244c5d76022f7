/**
 * A small round-robin reverse proxy on loopback, for trying several app instances on one machine
 * (`npm run start:cluster`) and for the cluster acceptance run. Not a production load balancer: put
 * nginx, HAProxy or the platform's balancer in front of real deployments. Built on http-proxy-3, the
 * maintained rewrite of http-proxy, which streams both ways (an SSE answer reaches the client event
 * by event). The instances behind it are started with TRUSTED_PROXIES=loopback, so the address this
 * proxy appends to X-Forwarded-For is believed, and the client's own entries before it are not.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createProxyServer } from "http-proxy-3";
import { errorBody } from "@/lib/contract/error-body";
import { httpStatus } from "@/lib/contract/errors";

export type ProxyOptions = {
  /** Base URLs of the instances, e.g. http://127.0.0.1:3001. */
  upstreams: string[];
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long an instance that refused a connection is passed over before it is tried again. */
  refusedCooldownMs?: number;
  log?: (line: string) => void;
};

export type UpstreamStats = { url: string; responses: number; refused: number; failed: number };

export type RunningProxy = {
  url: string;
  port: number;
  /** Per instance: answers relayed, connections refused, other failures (reset, hang-up). */
  stats(): UpstreamStats[];
  close(): Promise<void>;
};

type Upstream = UpstreamStats & { coolUntil: number };

// Only these are sent again to the next instance when one refuses the connection, as nginx does
// by default: a POST may carry a body the proxy has already streamed away, and repeating one is the
// client's decision (with its Idempotency-Key), not the proxy's. PUT and DELETE are idempotent too
// but carry bodies.
const RETRYABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * X-Forwarded-For gets the client's socket address appended (earlier entries are the client's own
 * claims, judged by TRUSTED_PROXIES on the instance). Proto and host are this proxy's knowledge, so
 * they replace whatever the client sent: a client must not be able to claim it came over HTTPS.
 */
export function forwardedHeaders(request: IncomingMessage): Record<string, string> {
  const client = request.socket.remoteAddress ?? "";
  const prior = request.headers["x-forwarded-for"];
  const headers: Record<string, string> = {
    "x-forwarded-for": prior ? `${prior}, ${client}` : client,
    "x-forwarded-proto": "http",
  };
  if (request.headers.host) headers["x-forwarded-host"] = request.headers.host;
  return headers;
}

function badGateway(response: ServerResponse, message: string) {
  if (response.headersSent) {
    response.destroy(); // mid-stream: the client sees the cut, not a spliced error
    return;
  }
  response.writeHead(httpStatus("proxy", "BAD_GATEWAY"), { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify(errorBody("BAD_GATEWAY", message, "An app instance is down or restarting; retry in a moment.")));
}

export async function startProxy({ upstreams: urls, port = 0, refusedCooldownMs = 2_000, log = () => {} }: ProxyOptions): Promise<RunningProxy> {
  if (urls.length === 0) throw new Error("the proxy needs at least one upstream URL");
  const upstreams: Upstream[] = urls.map((url) => ({ url, responses: 0, refused: 0, failed: 0, coolUntil: 0 }));
  const proxy = createProxyServer({});
  const servedBy = new WeakMap<IncomingMessage, Upstream>();
  let turn = 0;

  proxy.on("proxyRes", (upstreamResponse, request, response) => {
    const upstream = servedBy.get(request);
    if (upstream) upstream.responses++;
    // An instance killed mid-answer leaves the piped response open forever (http-proxy-3 does not
    // end it): cut the client's connection too, so it sees the failure and can retry.
    upstreamResponse.once("close", () => {
      if (upstreamResponse.complete) return;
      if (upstream) upstream.failed++;
      log(`${upstream?.url ?? "an instance"} broke off its answer (${request.method} ${request.url})`);
      response.destroy();
    });
  });
  // http-proxy-3 throws an 'error' event that nobody listens to; every request passes a callback,
  // so this only catches what slips past one.
  proxy.on("error", (error, _request, response) => {
    log(`proxy error: ${error.message}`);
    if ("writeHead" in response) badGateway(response, "The proxy failed to reach an app instance.");
  });

  /** The next instance in turn that this request has not tried, preferring ones not cooling down. */
  function pick(tried: Set<Upstream>, start: number): Upstream | undefined {
    const now = Date.now();
    const order = upstreams.map((_, k) => upstreams[(start + k) % upstreams.length]!).filter((u) => !tried.has(u));
    return order.find((u) => u.coolUntil <= now) ?? order[0];
  }

  function forward(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>, tried: Set<Upstream>, start: number) {
    const upstream = pick(tried, start);
    if (!upstream) return badGateway(response, "No app instance accepted the connection.");
    tried.add(upstream);
    servedBy.set(request, upstream);
    const retryable = RETRYABLE_METHODS.has(request.method ?? "") && !hasBody(request);
    // A bodiless request gets a fresh empty body per attempt: the original stream ends only once.
    const body = retryable ? { buffer: Readable.from([]) } : {};
    proxy.web(request, response, { target: upstream.url, headers, ...body }, (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ECONNREFUSED") {
        upstream.refused++;
        upstream.coolUntil = Date.now() + refusedCooldownMs;
        log(`${upstream.url} refused the connection (${request.method} ${request.url})`);
        if (retryable && !response.headersSent) return forward(request, response, headers, tried, start);
      } else {
        upstream.failed++;
        log(`${upstream.url} failed: ${code ?? error.message} (${request.method} ${request.url})`);
      }
      badGateway(response, "The app instance did not answer.");
    });
  }

  const server = createServer((request, response) => {
    if (RETRYABLE_METHODS.has(request.method ?? "") && !hasBody(request)) request.resume();
    forward(request, response, forwardedHeaders(request), new Set(), turn++ % upstreams.length);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    stats: () => upstreams.map(({ url, responses, refused, failed }) => ({ url, responses, refused, failed })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // open event streams would otherwise hold close() forever
      }),
  };
}
