import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("the example app's token minting", () => {
  it("is the documented snippet, unchanged (lib/site/asap/mint-asap-token.ts)", () => {
    const snippet = readFileSync(path.join(root, "lib/site/asap/mint-asap-token.ts"), "utf8");
    expect(readFileSync(path.join(import.meta.dirname, "mint-asap-token.ts"), "utf8")).toBe(snippet);
  });
});
