import { describe, expect, it } from "vitest";
import { XSS_CATALOGUE } from "./xss-catalogue";

/** The payload as it would run: base64 data URLs decoded. */
const runnable = (payload: string) => payload.replace(/;base64,([A-Za-z0-9+/]+=*)/g, (_match, base64: string) => `,${atob(base64)}`);

describe("the XSS catalogue", () => {
  // e2e/xss.spec.ts sees an attempt run only through window.__xss: one that called alert() instead would go unseen.
  it.each(XSS_CATALOGUE)("$label calls the marker the browser test watches", ({ payload }) => {
    expect(runnable(payload)).toMatch(/__xss\('[^']+'\)/);
  });

  it("has one entry per label", () => {
    expect(new Set(XSS_CATALOGUE.map((entry) => entry.label)).size).toBe(XSS_CATALOGUE.length);
  });
});
