import { describe, expect, it } from "vitest";
import { parseClaimsJson, parseCommand, parseDuration, parseInstant } from "./args";
import { UsageError } from "./errors";

describe("parseDuration", () => {
  it("reads a whole number with its unit as milliseconds", () => {
    expect(parseDuration("--ttl", "500ms")).toBe(500);
    expect(parseDuration("--ttl", "90s")).toBe(90_000);
    expect(parseDuration("--ttl", "5m")).toBe(300_000);
    expect(parseDuration("--ttl", "1h")).toBe(3_600_000);
  });

  it("refuses a bare number, since seconds or milliseconds is the very question", () => {
    expect(() => parseDuration("--ttl", "300")).toThrow(new UsageError('--ttl: "300" is not a duration; give a whole number with a unit: ms, s, m or h (e.g. 5m, 90s)'));
  });

  it.each(["5 min", "-5m", "1.5m", "m", ""])("refuses %j", (text) => {
    expect(() => parseDuration("--ttl", text)).toThrow(UsageError);
  });
});

describe("parseInstant", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");

  it("reads now, relative times, ISO times and milliseconds", () => {
    expect(parseInstant("--not-before", "now", now)).toBe(now);
    expect(parseInstant("--not-before", "-10m", now)).toBe(now - 600_000);
    expect(parseInstant("--not-before", "+1h", now)).toBe(now + 3_600_000);
    expect(parseInstant("--not-before", "2026-01-01T11:00:00Z", now)).toBe(now - 3_600_000);
    expect(parseInstant("--not-before", String(now), now)).toBe(now);
  });

  it("refuses an epoch time in seconds, pointing at --claims for a deliberate one", () => {
    expect(() => parseInstant("--not-before", "1767268800", now)).toThrow(/looks like seconds.*--claims/);
  });

  it("refuses what Date.parse would guess at", () => {
    expect(() => parseInstant("--not-before", "tomorrow", now)).toThrow(UsageError);
    expect(() => parseInstant("--not-before", "1 2", now)).toThrow(UsageError);
  });
});

describe("parseClaimsJson", () => {
  it("leaves out a claim set to null and keeps every other value as given", () => {
    const claims = parseClaimsJson("--claims", '{"jti":null,"not_before":1700000000,"plan":"pro"}');
    expect(claims).toEqual({ jti: undefined, not_before: 1700000000, plan: "pro" });
    expect(Object.hasOwn(claims, "jti")).toBe(true);
  });

  it("keeps a __proto__ claim as a claim", () => {
    const claims = parseClaimsJson("--claims", '{"__proto__":{"admin":true}}');
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    expect(Object.keys({ ...claims })).toEqual(["__proto__"]);
  });

  it("names the flag when the JSON is bad or not an object", () => {
    expect(() => parseClaimsJson("--claims-file", "{bad")).toThrow(/^--claims-file: not valid JSON/);
    expect(() => parseClaimsJson("--claims", "[1]")).toThrow(/^--claims: expected a JSON object/);
  });
});

describe("parseCommand", () => {
  const options = { ttl: { type: "string" }, json: { type: "boolean" } } as const;

  it("reads flags and positionals", () => {
    const { values, positionals } = parseCommand("mint", ["--ttl", "5m", "tok", "--json"], options);
    expect(values).toEqual({ ttl: "5m", json: true });
    expect(positionals).toEqual(["tok"]);
  });

  it("turns an unknown flag into a one-line usage error naming the command", () => {
    expect(() => parseCommand("mint", ["--frob"], options)).toThrow(new UsageError("mint: Unknown option '--frob' (see: npm run token -- mint --help)"));
  });

  it("turns a flag without its value into a usage error", () => {
    expect(() => parseCommand("mint", ["--ttl"], options)).toThrow(UsageError);
  });
});
