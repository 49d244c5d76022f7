import { describe, expect, it } from "vitest";
import { contrastWithWhite, isAccentColor, isLauncherPosition, MIN_CONTRAST_WITH_WHITE } from "./branding";

describe("widget branding rules", () => {
  it("measures contrast with white as WCAG 2 does", () => {
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#4f46e5")).toBeCloseTo(6.29, 1);
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 1);
  });

  it("passes the default indigo and refuses light colours for white text", () => {
    expect(contrastWithWhite("#4f46e5")).toBeGreaterThanOrEqual(MIN_CONTRAST_WITH_WHITE);
    expect(contrastWithWhite("#FFD700")).toBeLessThan(MIN_CONTRAST_WITH_WHITE);
    expect(contrastWithWhite("#777777")).toBeLessThan(MIN_CONTRAST_WITH_WHITE);
  });

  it("accepts only #rrggbb colours", () => {
    expect(isAccentColor("#0a7A3b")).toBe(true);
    for (const value of ["#fff", "0a7a3b", "#0a7a3bff", "red", "#0a7a3g", "#0a7a3b;x", 123, null]) expect(isAccentColor(value)).toBe(false);
  });

  it("knows the two launcher positions and no other", () => {
    expect(isLauncherPosition("bottom-right")).toBe(true);
    expect(isLauncherPosition("bottom-left")).toBe(true);
    expect(isLauncherPosition("top-left")).toBe(false);
    expect(isLauncherPosition(undefined)).toBe(false);
  });
});
