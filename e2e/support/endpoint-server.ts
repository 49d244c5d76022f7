import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestKey } from "./desk";
import { signToken } from "./desk";

/**
 * A business "JWT endpoint" under the test's control, on loopback: it answers the way a real endpoint
 * would, or breaks in the ways real ones do (down, slow, 500, huge, streamed without end, bad JSON, redirect).
 */
export async function startEndpointServer(key: () => TestKey) {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const userToken = url.searchParams.get("user_token") ?? "";
    switch (url.pathname) {
      case "/ok":
        response.setHeader("Content-Type", "text/plain");
        return response.end(await signToken(key(), { email: `legacy-${userToken.slice(0, 8).toLowerCase()}@example.com` }));
      case "/json":
        response.setHeader("Content-Type", "application/json");
        return response.end(JSON.stringify({ token: await signToken(key()) }));
      case "/slow":
        return setTimeout(() => response.end("too late"), 5_000);
      case "/500":
        response.statusCode = 500;
        return response.end("Internal Server Error");
      case "/huge":
        response.setHeader("Content-Type", "text/plain");
        return response.end("x".repeat(100_000));
      case "/huge-stream": // no Content-Length: the Desk must count as it reads
        response.setHeader("Content-Type", "text/plain");
        for (let i = 0; i < 100; i++) response.write("x".repeat(1_000));
        return response.end();
      case "/bad-json":
        response.setHeader("Content-Type", "application/json");
        return response.end("{ not json");
      case "/redirect":
        response.statusCode = 302;
        response.setHeader("Location", "/ok");
        return response.end();
      default:
        response.statusCode = 404;
        return response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port with nothing listening: an endpoint that is down. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
