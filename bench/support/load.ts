/** Load from this process with autocannon: throughput and latency of one request shape. */
import autocannon from "autocannon";

export type Load = { perSecond: number; p50Ms: number; p99Ms: number; errors: number };

export type LoadOptions = {
  connections: number;
  /** How long to load, after a short warm-up at the same concurrency. */
  seconds?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body per request (each login needs a token of its own). */
  body?: () => string;
};

async function run(url: string, options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  const { connections, method = "GET", headers = {}, body } = options;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method, headers, ...(body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) } : {}) }],
  });
}

export async function load(url: string, options: LoadOptions): Promise<Load> {
  await run(url, options, 1); // warm-up: caches filled, JIT done
  const result = await run(url, options, options.seconds ?? 4);
  const errors = result.errors + result.timeouts + result.non2xx;
  return { perSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors };
}
