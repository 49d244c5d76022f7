import { describe, expect, it } from "vitest";
import { FRAME_TO_PAGE } from "./messages";
import { ACCEPTED_BY_PAGE, parseMessage } from "./parse";

const ready = (fields: Record<string, unknown>) => parseMessage(ACCEPTED_BY_PAGE, { type: FRAME_TO_PAGE.ready, ...fields });

describe("the frame's ready message, as the page accepts it", () => {
  it("carries the add-on's accent colour and launcher position", () => {
    expect(ready({ accentColor: "#0f766e", launcherPosition: "bottom-left" })).toEqual({
      type: FRAME_TO_PAGE.ready,
      accentColor: "#0f766e",
      launcherPosition: "bottom-left",
    });
  });

  it("drops a colour that is not #rrggbb, so nothing else reaches the launcher's style", () => {
    for (const accentColor of ["red", "#fff", "#0f766e; position:static", "url(x)", 42]) {
      expect(ready({ accentColor, launcherPosition: "bottom-right" })).toEqual({ type: FRAME_TO_PAGE.ready, launcherPosition: "bottom-right" });
    }
  });

  it("drops a position other than bottom-right or bottom-left", () => {
    expect(ready({ accentColor: "#0f766e", launcherPosition: "top-left" })).toEqual({ type: FRAME_TO_PAGE.ready, accentColor: "#0f766e" });
  });

  it("still accepts a ready without branding (the launcher keeps its default look)", () => {
    expect(ready({})).toEqual({ type: FRAME_TO_PAGE.ready });
  });
});
