import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { buildOptions, BUDGETS, bundleSizes } from "./bundle";

describe("the widget build", () => {
  it("builds sdk.js, frame.js and frame.css, each within its gzipped budget", async () => {
    const result = await esbuild.build({ ...buildOptions, write: false, logLevel: "silent" });
    const sizes = bundleSizes(result.outputFiles);
    expect(sizes.map((size) => size.file)).toEqual(["frame.css", "frame.js", "sdk.js"]);
    for (const size of sizes.filter((size) => size.budget !== null)) expect(size.gzipped, size.file).toBeLessThanOrEqual(BUDGETS[size.file]!);
  });
});
