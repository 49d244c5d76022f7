import "server-only";
import type { z } from "zod";
import { errorBody } from "@/lib/contract/error-body";
import { httpStatus } from "@/lib/contract/errors";
import type { Jsonable } from "@/lib/contract/json";
import { AsapError } from "@/lib/desk/iam/errors";
import { logError } from "@/lib/shared/log-error";
import { findIllFormed, ILL_FORMED_HINT } from "@/lib/shared/unicode";

const NO_STORE = { "Cache-Control": "no-store" };

/** An answer of the wire type W (lib/contract/desk-api), which every call names: `json<TicketAnswer>(…)`. */
export function json<W = never>(body: NoInfer<Jsonable<W>>, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** How long anyone (a browser, a CDN) may keep a public read: the in-process cache's counter freshness. */
const PUBLIC_READ = { "Cache-Control": "public, max-age=30" };

/**
 * A public read (./help-center/read-cache): cacheable by anyone for a short while, and answered 304
 * without a body when the client's If-None-Match already names its ETag.
 */
export function publicJson(request: Request, read: { body: string; etag: string }): Response {
  const headers = { ...PUBLIC_READ, ETag: read.etag };
  const known = request.headers.get("if-none-match")?.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (known?.some((tag) => tag === read.etag || tag === "*")) return new Response(null, { status: 304, headers });
  return new Response(read.body, { headers: { ...headers, "Content-Type": "application/json" } });
}

export function errorResponse(error: AsapError): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return Response.json({ error: error.toJSON() }, { status: error.status, headers });
}

/**
 * Runs a Desk API handler: typed errors become `{ error: { code, message, hint } }` with their status;
 * anything else is logged here, on one bounded line, and answered as a bare 500, never with its message or stack.
 */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AsapError) return errorResponse(error);
    logError("[desk api] unexpected error:", error);
    return Response.json(errorBody("INTERNAL", "Something went wrong on the Desk.", "Retry in a moment."), { status: httpStatus("desk", "INTERNAL"), headers: NO_STORE });
  }
}

/**
 * Parses a JSON body against a schema. Only `application/json` is read: text/plain, form and multipart
 * bodies are what any web page can make a browser send cross-site without a preflight (UNSUPPORTED_MEDIA_TYPE).
 * Then VALIDATION_FAILED for a body that is not JSON, holds ill-formed Unicode, or breaks the schema,
 * naming the first bad field.
 */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  if (!isJson(request.headers.get("content-type"))) {
    throw new AsapError("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON, sent as application/json.", "Send Content-Type: application/json with a JSON object.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AsapError("VALIDATION_FAILED", "The request body is not JSON.", "Send Content-Type: application/json with a JSON object.");
  }
  const illFormed = findIllFormed(body);
  if (illFormed) {
    const where = illFormed.inKey ? `A field name ("${illFormed.path}")` : `The field "${illFormed.path || "body"}"`;
    throw new AsapError("VALIDATION_FAILED", `${where} is not well-formed Unicode: it holds half of a surrogate pair.`, ILL_FORMED_HINT);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw new AsapError("VALIDATION_FAILED", `The field "${field}" is not valid: ${issue?.message ?? "invalid"}.`, "See the Desk API reference for the request's shape.");
  }
  return parsed.data;
}

/** The media type application/json, with or without parameters (charset). */
function isJson(contentType: string | null): boolean {
  return contentType?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

/** Parses query parameters against a schema, or throws VALIDATION_FAILED naming the first bad one. */
export function readQuery<T>(url: URL, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AsapError("VALIDATION_FAILED", `The parameter "${issue?.path.join(".") || "query"}" is not valid: ${issue?.message ?? "invalid"}.`, "See the Desk API reference.");
  }
  return parsed.data;
}
