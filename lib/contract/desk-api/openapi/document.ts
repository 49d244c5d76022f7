import { z } from "zod";
import { httpStatus } from "@/lib/contract/errors";
import { uploadBody } from "@/lib/contract/desk-api/attachments";
import { DESK_API_PATH } from "@/lib/contract/desk-api/common";
import { DESK_ERROR_CODES, errorAnswer, type DeskErrorCode } from "@/lib/contract/desk-api/error-answer";
import { answerShapes, requestShapes } from "@/lib/contract/desk-api/registry";
import { LAST_EVENT_ID_HEADER, MESSAGE_EVENT } from "@/lib/contract/desk-api/wire";
import { HEADERS, OPERATIONS, PATH_PARAMETERS, type Auth, type Operation } from "./operations";

/**
 * The Desk API's OpenAPI 3.1 document, built from the operations table (./operations) and the zod
 * schemas the routes parse with and answer in, through zod's own z.toJSONSchema: request bodies and
 * parameters on zod's input side, answers on its output side. Nothing in it is written by hand.
 */

type Json = Record<string, unknown>;

const SCHEMAS = "#/components/schemas/";
const SECURITY_SCHEME = "asapSession";
const ref = (id: string) => ({ $ref: SCHEMAS + id });

const SECURITY: Record<Auth, Json[]> = {
  none: [],
  optional: [{}, { [SECURITY_SCHEME]: [] }],
  required: [{ [SECURITY_SCHEME]: [] }],
};

/** A registry's shapes as components, each a bare schema: the dialect is the document's, and `$id` is zod's registry bookkeeping. */
function components(registry: typeof requestShapes, io: "input" | "output"): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => SCHEMAS + id });
  if ("__shared" in schemas) throw new Error("A shape the components share is not registered (lib/contract/desk-api/registry.ts).");
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
}

/** A standalone schema, such as a parameter's, on the request side. */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input" });
  return json;
}

function componentRef(schema: z.ZodType, registry: typeof requestShapes): Json {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error("Every body and answer of an operation is a registered shape (lib/contract/desk-api/registry.ts).");
  return ref(id);
}

export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
}

function parameters(operation: Operation): Json[] {
  const path = pathParameterNames(operation.path).map((name) => {
    const parameter = PATH_PARAMETERS[name];
    if (!parameter) throw new Error(`The path parameter {${name}} of ${operation.operationId} has no entry in PATH_PARAMETERS.`);
    return { name, in: "path", required: true, description: parameter.description, schema: inputSchema(parameter.schema) };
  });
  const query = operation.query ? inputSchema(operation.query) : {};
  const required = new Set((query.required as string[] | undefined) ?? []);
  const queries = Object.entries((query.properties as Record<string, Json> | undefined) ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema,
  }));
  const headers = (operation.headers ?? []).map((key) => {
    const { name, description, schema } = HEADERS[key];
    return { name, in: "header", required: false, description, schema: inputSchema(schema) };
  });
  return [...path, ...queries, ...headers];
}

/** The codes an operation can answer with: what its shape implies, and its own `errors`. */
export function errorCodes(operation: Operation): DeskErrorCode[] {
  const codes = new Set<DeskErrorCode>(["INTERNAL", ...(operation.errors ?? [])]);
  if (operation.body) codes.add("UNSUPPORTED_MEDIA_TYPE").add("VALIDATION_FAILED");
  if (operation.upload) codes.add("UNSUPPORTED_MEDIA_TYPE").add("FILE_TOO_LARGE").add("FILE_TYPE_NOT_ALLOWED").add("FILE_DAMAGED");
  if (operation.query) codes.add("VALIDATION_FAILED");
  if (operation.auth !== "none") codes.add("UNAUTHENTICATED");
  if (pathParameterNames(operation.path).length > 0) codes.add("NOT_FOUND");
  // A malformed key; the key reused with another body; a retry while the first is still running.
  if (operation.headers?.includes("idempotencyKey")) codes.add("VALIDATION_FAILED").add("IDEMPOTENCY_KEY_REUSED").add("CONFLICT");
  return DESK_ERROR_CODES.filter((code) => codes.has(code));
}

/** One answer per status, its body an ErrorBody whose code is one of that status's codes. */
function errorResponses(operation: Operation): Record<string, Json> {
  const byStatus = new Map<number, DeskErrorCode[]>();
  for (const code of errorCodes(operation)) {
    const status = httpStatus("desk", code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const errorBody = componentRef(errorAnswer, answerShapes);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.join(", "),
        ...(codes.includes("RATE_LIMITED") ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
        content: { "application/json": { schema: { allOf: [errorBody, { type: "object", properties: { error: { type: "object", properties: { code: { enum: codes } } } } }] } } },
      },
    ]),
  );
}

function success(operation: Operation): Record<string, Json> {
  const { answer } = operation;
  if (answer.status === 204) return { "204": { description: "Done; no body." } };
  if ("events" in answer) {
    // OpenAPI 3.1 has no schema for an event's data: x-events names it, by event type.
    const events = Object.entries(answer.events);
    const each = events.map(([name, data]) => `each \`${name}\` event's data is one ${answerShapes.get(data)?.id} (JSON)`).join("; ");
    return {
      "200": {
        description: `Server-Sent Events, from after ${LAST_EVENT_ID_HEADER}: ${each}. A \`${MESSAGE_EVENT}\` event's id is the message's.`,
        content: { "text/event-stream": { schema: { type: "string" }, "x-events": Object.fromEntries(events.map(([name, data]) => [name, componentRef(data, answerShapes)])) } },
      },
    };
  }
  if ("files" in answer) {
    return { "200": { description: "The file's bytes, sent with nosniff, a sandboxing CSP, and Content-Disposition naming the file.", content: Object.fromEntries(answer.files.map((type) => [type, {}])) } };
  }
  const description = answer.status === 201 ? "Created" : "OK";
  return { [String(answer.status)]: { description, content: { "application/json": { schema: componentRef(answer.schema, answerShapes) } } } };
}

function requestBody(body: NonNullable<Operation["body"]>): Json {
  const schema = Array.isArray(body) ? { oneOf: body.map((each) => componentRef(each, requestShapes)) } : componentRef(body as z.ZodType, requestShapes);
  return { required: true, content: { "application/json": { schema } } };
}

function operationObject(operation: Operation): Json {
  const parameterList = parameters(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    security: SECURITY[operation.auth],
    ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
    ...(operation.body ? { requestBody: requestBody(operation.body) } : {}),
    ...(operation.upload ? { requestBody: { required: true, content: { "application/octet-stream": { schema: componentRef(uploadBody, requestShapes) } } } } : {}),
    responses: { ...success(operation), ...errorResponses(operation) },
  };
}

function build(): Json {
  const requests = components(requestShapes, "input");
  const answers = components(answerShapes, "output");
  const twice = Object.keys(requests).filter((id) => id in answers);
  if (twice.length > 0) throw new Error(`Shapes registered as both request and answer: ${twice.join(", ")}.`);

  const paths: Record<string, Json> = {};
  for (const operation of OPERATIONS) {
    const item = (paths[`/${operation.path}`] ??= {});
    if (operation.method in item) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is in the table twice.`);
    item[operation.method] = operationObject(operation);
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Desk API (ASAP help center)",
      version: "1",
      description:
        "The help desk's API for the in-app widget and the business's server: login to an ASAP session, articles, tickets, community and live chat. " +
        "Request bodies are JSON (Content-Type: application/json), but for an upload's, which is the file (application/octet-stream). Every failure answers an ErrorBody whose code is stable; see the README's error codes.",
    },
    servers: [{ url: DESK_API_PATH.replace(/\/$/, "") }],
    tags: [...new Set(OPERATIONS.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...requests, ...answers },
      securitySchemes: {
        [SECURITY_SCHEME]: { type: "http", scheme: "bearer", description: "The ASAP session's token, from logIn's session.token." },
      },
    },
  };
}

let built: Json | undefined;

/** The document, built once per process: it changes only with the code. */
export function deskApiDocument(): Json {
  built ??= build();
  return built;
}
