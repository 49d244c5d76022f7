import { describe, expect, it } from "vitest";
import { REFRESH_MARGIN_MS, resumable } from "./session-timing";

const endingAt = (localExpiresAt: number) => ({ token: "bearer", expiresAt: "2030-01-01T00:00:00.000Z", localExpiresAt });

describe("whether a saved session may be resumed", () => {
  it("resumes a session with at least the refresh margin left, and nothing else", () => {
    const now = 1_000_000;
    expect(resumable(endingAt(now + REFRESH_MARGIN_MS), now)?.token).toBe("bearer");
    expect(resumable(endingAt(now + REFRESH_MARGIN_MS - 1), now)).toBeNull();
    expect(resumable(endingAt(now - 1), now)).toBeNull();
    expect(resumable(null, now)).toBeNull();
  });
});
