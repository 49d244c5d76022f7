import { describe, expect, it } from "vitest";
import { isRatable, nextRatingStep } from "./rules";

const first = { score: "good", comment: null, changeCount: 0 };
const changed = { score: "bad", comment: "Slow", changeCount: 1 };

describe("satisfaction rating rules", () => {
  it("creates the first rating", () => {
    expect(nextRatingStep(null, { score: "okay", comment: null })).toBe("create");
  });

  it("allows one change of the score or of the comment", () => {
    expect(nextRatingStep(first, { score: "bad", comment: null })).toBe("change");
    expect(nextRatingStep(first, { score: "good", comment: "Quick answer" })).toBe("change");
  });

  it("refuses a second change", () => {
    expect(nextRatingStep(changed, { score: "good", comment: "Slow" })).toBe("final");
    expect(nextRatingStep(changed, { score: "bad", comment: null })).toBe("final");
  });

  it("treats the rating sent again as it is as no change, before and after the one change", () => {
    expect(nextRatingStep(first, { score: "good", comment: null })).toBe("unchanged");
    expect(nextRatingStep(changed, { score: "bad", comment: "Slow" })).toBe("unchanged");
  });

  it("is ratable only when finished, and while the change is still to come", () => {
    expect(isRatable(false, null)).toBe(false);
    expect(isRatable(true, null)).toBe(true);
    expect(isRatable(true, first)).toBe(true);
    expect(isRatable(true, changed)).toBe(false);
  });
});
