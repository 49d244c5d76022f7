import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody } from "@/lib/contract/error-body";
import { AsapError } from "@/lib/desk/iam/errors";
import { SECURITY_HEADERS } from "@/lib/shared/http/security-headers";
import { logError } from "@/lib/shared/log-error";
import { errorResponse } from "./respond";

/** A route handler, as a route module exports it. */
export type RouteHandler = (request: Request) => Promise<Response>;

/** Far above any valid body of the routes answered here (a login's is under 10 KiB). */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * Answers a request with a route module's own handler, from the app's server (server.ts), without
 * Next.js's routing: for the login, whose whole work costs less than Next.js takes to route a request
 * to it. The handler sees what Next.js would give it, a web Request (its URL on the server's own
 * host, as Next.js names it, and the request's headers, the client's address stamped among them); its
 * Response goes out with the headers next.config.ts gives every answer. A body past MAX_BODY_BYTES is
 * refused before it is read whole; a failure the handler did not answer itself is a 500 saying nothing more.
 */
export async function serveBesideNext(handler: RouteHandler, request: IncomingMessage, response: ServerResponse, serverOrigin: string): Promise<void> {
  try {
    const body = await readBody(request);
    if (body === "aborted") return;
    if (body === "too large") {
      // The rest of the body stays unread: the connection closes after this answer.
      response.setHeader("Connection", "close");
      return await send(errorResponse(tooLarge()), response);
    }
    await send(await handler(toWebRequest(request, body, serverOrigin)), response);
  } catch (error) {
    // The handler answers its own failures (handle()); this is for the unforeseen, said as it says it.
    logError("[desk api] unexpected error:", error);
    if (response.headersSent) return void response.destroy();
    const failure = Response.json(errorBody("INTERNAL", "Something went wrong on the Desk.", "Retry in a moment."), { status: 500, headers: { "Cache-Control": "no-store" } });
    await send(failure, response).catch(() => response.destroy());
  }
}

function tooLarge() {
  return new AsapError("VALIDATION_FAILED", `The request body is over ${MAX_BODY_BYTES / 1024} KiB.`, "See the Desk API reference for the request's shape.");
}

/** The body, counted as it streams in; never more than MAX_BODY_BYTES of it held. */
function readBody(request: IncomingMessage): Promise<Buffer | "too large" | "aborted"> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return Promise.resolve("too large");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off("data", onData).pause();
      resolve("too large");
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks, total)));
    // A client gone before its body ended gets no answer (once settled, a promise ignores the rest).
    request.once("close", () => resolve("aborted"));
    request.once("error", () => resolve("aborted"));
  });
}

function toWebRequest(request: IncomingMessage, body: Buffer, serverOrigin: string): Request {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? "", raw[i + 1] ?? "");
  // Buffer.concat makes a Buffer over a plain ArrayBuffer, never a shared one.
  return new Request(new URL(request.url ?? "/", serverOrigin), { method: request.method, headers, body: body as Uint8Array<ArrayBuffer> });
}

async function send(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
  response.setHeader("Content-Length", body.byteLength);
  response.writeHead(answer.status);
  response.end(body);
}
