import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ERROR_CODES, ERROR_CODES, errorCodesOf, httpStatus, isErrorCode, raisers } from "./errors";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "widget", "scripts", "prisma", "e2e", "e2e-cluster", "test", "bench"];
const ROOT_FILES = ["server.ts", "proxy.ts"];
const SKIP = new Set(["node_modules", "migrations", "migrations-pg"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

const CONTRACT = `lib${path.sep}contract${path.sep}`;
const FILES = [...SOURCE_DIRS.flatMap(sourceFiles), ...ROOT_FILES]
  .filter((file) => !(file.startsWith(CONTRACT) && file.endsWith(".test.ts"))) // the contract's tests spell unknown codes on purpose
  .map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));

// Where a code is emitted, each with the capture group 1 = the code (UPPER_SNAKE, two letters or more).
const CODE = String.raw`["'\`]([A-Z][A-Z_]*[A-Z])["'\`]`;
const EMITTING: Array<[string, RegExp]> = [
  ["code: property", new RegExp(String.raw`\bcode\s*:\s*${CODE}`, "g")], // { code: "X" }, { error: { code: "X" } }
  ["code = field", new RegExp(String.raw`\bcode\s*(?::[^=;\n]+)?=\s*${CODE}`, "g")], // readonly code = "X"
  ["new …Error(", new RegExp(String.raw`\bnew \w*Error\(\s*(?:\d+\s*,\s*)?${CODE}`, "g")], // new AsapError("X", …), new DeskApiError(503, "X", …)
  ["contract helper", new RegExp(String.raw`\b(?:errorBody|refuse|httpStatus)\(\s*(?:["'\`]\w+["'\`]\s*,\s*)?${CODE}`, "g")],
  ["expected code", new RegExp(String.raw`\.code\)\.toBe\(\s*${CODE}`, "g")], // expect(body.error.code).toBe("X")
];

/** Codes of other systems that our code raises on their behalf, with why. */
const FOREIGN: Record<string, string> = {
  ENOTFOUND: "Node's DNS failure code, raised by lib/desk/iam/endpoint-connection.ts as undici's lookup expects",
};

function emitted() {
  return FILES.flatMap(({ file, text }) =>
    EMITTING.flatMap(([pattern, regex]) =>
      [...text.matchAll(regex)].map((match) => ({ file, pattern, code: match[1] ?? "", line: text.slice(0, match.index).split("\n").length })),
    ),
  );
}

describe("the error-code registry", () => {
  it("holds every code the source emits (scanned: code: properties, new …Error(\"X\"), contract helpers, tests' expected codes)", () => {
    const found = emitted();
    // Each way of emitting is really seen, so a pattern that stopped matching cannot pass quietly.
    for (const [pattern] of EMITTING) expect(found.some((hit) => hit.pattern === pattern), pattern).toBe(true);
    const unknown = found.filter(({ code }) => !isErrorCode(code) && !(code in FOREIGN)).map(({ file, line, code }) => `${file}:${line} ${code}`);
    expect(unknown, "add these codes to lib/contract/errors.ts, or emit a registered one").toEqual([]);
  });

  it("has no dead entries: each code is spelled somewhere in the source outside the contract", () => {
    const outside = FILES.filter(({ file }) => !file.startsWith(CONTRACT));
    const dead = ALL_ERROR_CODES.filter((code) => !outside.some(({ text }) => text.includes(`"${code}"`)));
    expect(dead).toEqual([]);
  });

  it("says who raises each code, with an HTTP status for every HTTP side, and what it means in one line", () => {
    for (const code of ALL_ERROR_CODES) {
      const by = raisers(code);
      expect(by.length, code).toBeGreaterThan(0);
      for (const [side, status] of by) {
        if (side === "widget") expect(status, code).toBeNull();
        if (side === "desk" || side === "test-control" || side === "proxy") expect(status, code).toEqual(expect.any(Number));
        if (status !== null) expect(status >= 400 && status < 600, code).toBe(true);
      }
      expect(ERROR_CODES[code].description, code).toMatch(/^[A-Z`a-z].{10,200}\.$/);
      expect(ERROR_CODES[code].description, code).not.toContain("\n");
    }
  });

  it("keeps the statuses integrators already match on", () => {
    expect(errorCodesOf("desk").map((code) => [code, httpStatus("desk", code as never)])).toEqual(
      expect.arrayContaining([
        ["TOKEN_EXPIRED", 401],
        ["ADDON_NOT_FOUND", 404],
        ["ORIGIN_NOT_ALLOWED", 403],
        ["LEGACY_ENDPOINT_FAILED", 502],
        ["RATE_LIMITED", 429],
        ["UNSUPPORTED_MEDIA_TYPE", 415],
        ["IDEMPOTENCY_KEY_REUSED", 422],
        ["CONFLICT", 409],
        ["INTERNAL", 500],
      ]),
    );
    // Test control answers an unknown key as a missing resource; login refuses the token that names it.
    expect([httpStatus("desk", "KEY_NOT_FOUND"), httpStatus("test-control", "KEY_NOT_FOUND")]).toEqual([401, 404]);
    // The Desk's login refuses, the site's endpoints forbid.
    expect([httpStatus("desk", "EMAIL_NOT_VERIFIED"), httpStatus("site", "EMAIL_NOT_VERIFIED")]).toEqual([401, 403]);
  });
});
