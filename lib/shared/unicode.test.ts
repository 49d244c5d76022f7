import { describe, expect, it } from "vitest";
import { findIllFormed } from "./unicode";

describe("findIllFormed", () => {
  it("finds nothing in well-formed text, emoji included", () => {
    expect(findIllFormed({ a: "plain", b: ["😀", { c: "\ud83d\ude00" }], d: 1, e: null, f: true })).toBeNull();
    expect(findIllFormed("text")).toBeNull();
  });

  it("names the first ill-formed value by its path", () => {
    expect(findIllFormed({ a: "ok", b: { list: ["ok", "x\udc00"] }, c: "\ud800" })).toEqual({ path: "b.list.1", inKey: false });
    expect(findIllFormed("\ud800")).toEqual({ path: "", inKey: false });
  });

  it("finds an ill-formed key and shows it well-formed", () => {
    const spot = findIllFormed({ outer: { ["k\ud800"]: 1 } });
    expect(spot).toEqual({ path: "outer.k\ufffd", inKey: true });
  });

  it("walks deep nesting without overflowing the stack", () => {
    let deep: unknown = "\ud800";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const spot = findIllFormed(deep);
    expect(spot?.inKey).toBe(false);
    expect(spot?.path.length).toBeLessThan(250);
  });
});
