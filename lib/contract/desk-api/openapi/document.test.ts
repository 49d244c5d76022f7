import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { ErrorBody } from "@/lib/contract/error-body";
import { httpStatus } from "@/lib/contract/errors";
import { DESK_ERROR_CODES, errorAnswer, type DeskErrorCode } from "@/lib/contract/desk-api/error-answer";
import { deskApiDocument, errorCodes, pathParameterNames } from "./document";
import { OPERATIONS } from "./operations";

type Json = Record<string, unknown>;
type Doc = {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Json & { operationId: string; parameters?: Array<{ name: string; in: string }> }>>;
  components: { schemas: Record<string, Json> };
};
const doc = deskApiDocument() as unknown as Doc;

const ROOT = path.resolve(import.meta.dirname, "../../../..");
const API_DIR = path.join("app", "desk", "api", "asap", "v1");
/** The document's own route: it describes the API rather than being part of it. */
const NOT_OPERATIONS = new Set(["/openapi.json"]);

/** Every `METHOD /path` the route handlers export, the path spelled as the document spells it. */
function routeOperations(dir = API_DIR): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeOperations(relative);
    if (entry.name !== "route.ts") return [];
    const route = `/${path.relative(API_DIR, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    if (NOT_OPERATIONS.has(route)) return [];
    const text = readFileSync(path.join(ROOT, relative), "utf8");
    const methods = [...text.matchAll(/^export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map((match) => match[1]);
    return methods.map((method) => `${method} ${route}`);
  });
}

function documentedOperations(): string[] {
  return Object.entries(doc.paths).flatMap(([route, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`));
}

/** Every value in the document, with its JSON pointer. */
function* walk(value: unknown, pointer = ""): Generator<[string, unknown]> {
  yield [pointer, value];
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) yield* walk(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  }
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

describe("the Desk API's OpenAPI document", () => {
  it("is OpenAPI 3.1, served relative to the Desk API's path", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.servers).toEqual([{ url: "/desk/api/asap/v1" }]);
  });

  it("documents every method each route handler exports, exactly once, and nothing without a route", () => {
    const routes = routeOperations();
    expect(routes.length).toBeGreaterThan(20); // the scan really found the handlers
    expect(new Set(routes).size).toBe(routes.length);
    expect(documentedOperations().sort()).toEqual(routes.sort());
    expect(OPERATIONS.length, "a row of the table that the document dropped").toBe(routes.length);
  });

  it("has operationIds that are unique", () => {
    const ids = documentedOperations().map((operation) => {
      const [method = "", route = ""] = operation.split(" ");
      return doc.paths[route]?.[method.toLowerCase()]?.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("declares each path parameter of each operation, and no path parameter its path lacks", () => {
    for (const [route, item] of Object.entries(doc.paths)) {
      for (const operation of Object.values(item)) {
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
        expect(declared.sort(), `${operation.operationId}`).toEqual(pathParameterNames(route).sort());
      }
    }
  });

  it("resolves every $ref", () => {
    const refs = [...walk(doc)].filter(([pointer]) => pointer.endsWith("/$ref"));
    expect(refs.length).toBeGreaterThan(50);
    for (const [pointer, ref] of refs) {
      expect(typeof ref === "string" && ref.startsWith("#/"), pointer).toBe(true);
      expect(resolve(ref as string), `${pointer}: ${String(ref)}`).toEqual(expect.any(Object));
    }
  });

  it("has schemas that JSON Schema 2020-12 compiles in strict mode where they sit, components without an id or dialect of their own", () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    // The document's own fields are not JSON Schema; its schemas are compiled in place, so their refs resolve as in the document.
    for (const keyword of Object.keys(doc)) ajv.addKeyword(keyword);
    ajv.addSchema({ ...doc, $id: "openapi.json" });
    const schemas = [...walk(doc)].filter(([pointer]) => /^\/components\/schemas\/[^/]+$|\/content\/[^/]+\/schema$|\/parameters\/\d+\/schema$/.test(pointer));
    expect(schemas.length).toBeGreaterThan(100);
    for (const [pointer, schema] of schemas) {
      expect((schema as Json).$id ?? (schema as Json).$schema, pointer).toBeUndefined();
      expect(() => ajv.compile({ $ref: `openapi.json#${pointer}` }), pointer).not.toThrow();
    }
  });

  it("holds bodies to their shape: no object of a request or an answer takes a property it does not list", () => {
    const objects = [...walk(doc.components.schemas)].filter(([, value]) => value && typeof value === "object" && (value as Json).type === "object");
    expect(objects.length).toBeGreaterThan(40);
    // So an answer that grows a field fails the e2e contract spec until the schema says so.
    for (const [pointer, value] of objects) expect((value as Json).additionalProperties, pointer).toBe(false);
  });

  it("answers every failure with an ErrorBody whose code is one the Desk gives that status", () => {
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        const responses = operation.responses as Record<string, { content?: Record<string, { schema: { allOf?: Json[] } }> }>;
        for (const [status, response] of Object.entries(responses).filter(([status]) => Number(status) >= 400)) {
          const allOf = response.content?.["application/json"]?.schema.allOf ?? [];
          expect(allOf[0], `${operation.operationId} ${status}`).toEqual({ $ref: "#/components/schemas/ErrorBody" });
          const codes = (allOf[1] as { properties: { error: { properties: { code: { enum: DeskErrorCode[] } } } } }).properties.error.properties.code.enum;
          for (const code of codes) expect(`${code} ${status}`).toBe(`${code} ${httpStatus("desk", code)}`);
        }
        expect(Object.keys(responses), `${operation.operationId} answers INTERNAL`).toContain("500");
      }
    }
  });

  it("documents every code the Desk answers with on some operation, and the login's on the login", () => {
    const documented = new Set(OPERATIONS.flatMap(errorCodes));
    expect(DESK_ERROR_CODES.filter((code) => !documented.has(code))).toEqual([]);
    const login = OPERATIONS.find((operation) => operation.operationId === "logIn");
    expect(login && errorCodes(login)).toEqual(expect.arrayContaining(["TOKEN_EXPIRED", "ORIGIN_NOT_ALLOWED", "RATE_LIMITED", "VALIDATION_FAILED"]));
  });

  it("keeps the zod ErrorBody the type the rest of the code reads (lib/contract/error-body)", () => {
    expectTypeOf<z.infer<typeof errorAnswer>>().toEqualTypeOf<ErrorBody<DeskErrorCode>>();
  });

  it("marks who may call: the bearer required, optional, or not read", () => {
    const security = (operationId: string) =>
      Object.values(doc.paths)
        .flatMap((item) => Object.values(item))
        .find((operation) => operation.operationId === operationId)?.security;
    expect(security("listTickets")).toEqual([{ asapSession: [] }]);
    expect(security("createTicket")).toEqual([{}, { asapSession: [] }]);
    expect(security("listCategories")).toEqual([]);
  });
});
