import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { MAX_LOGGED_MESSAGE, summarizeError } from "./log-error";

describe("summarizeError", () => {
  it("keeps Prisma errors to their class and code", () => {
    const known = new Prisma.PrismaClientKnownRequestError("Invalid `prisma.x()` invocation: " + "z".repeat(5_000), { code: "P2025", clientVersion: "6" });
    expect(summarizeError(known)).toBe("PrismaClientKnownRequestError P2025");
    const init = new Prisma.PrismaClientInitializationError("Can't reach database " + "z".repeat(5_000), "6", "P1001");
    expect(summarizeError(init)).toBe("PrismaClientInitializationError P1001");
    expect(summarizeError(new Prisma.PrismaClientValidationError("Argument `x` is missing " + "z".repeat(5_000), { clientVersion: "6" }))).toBe(
      "PrismaClientValidationError",
    );
  });

  it("puts other errors on one line, cut to a bounded length", () => {
    const summary = summarizeError(new TypeError(`bad\n\tthing ${"q".repeat(10_000)}`));
    expect(summary.startsWith("TypeError: bad thing qqq")).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(MAX_LOGGED_MESSAGE);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("describes thrown non-errors too", () => {
    expect(summarizeError("plain string")).toBe("plain string");
    expect(summarizeError(undefined)).toBe("undefined");
    expect(summarizeError({ huge: "h".repeat(10_000) }).length).toBeLessThanOrEqual(MAX_LOGGED_MESSAGE);
  });

  it("writes ill-formed text as well-formed", () => {
    expect(summarizeError(new Error("lone \ud800")).isWellFormed()).toBe(true);
  });
});
