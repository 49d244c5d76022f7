import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { END, errorCodeTable, START, withFreshTable } from "./error-code-table";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("the README's error codes", () => {
  it("are the registry's, as generated (npx tsx scripts/docs/error-codes.ts --write)", () => {
    expect(readme).toContain(START);
    expect(withFreshTable(readme)).toBe(readme);
  });

  it("would notice a code missing from the README", () => {
    const dropped = readme.replace(/^\| `TOKEN_EXPIRED` .*\n/m, "");
    expect(dropped).not.toBe(readme);
    expect(withFreshTable(dropped)).toBe(readme);
  });

  it("has one row per code, between the markers", () => {
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END));
    expect(block.split("\n").filter((line) => line.startsWith("| `"))).toHaveLength(errorCodeTable().split("\n").length - 2);
  });
});
