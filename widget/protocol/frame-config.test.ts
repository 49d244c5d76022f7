import { describe, expect, it } from "vitest";
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "@/lib/contract/attachments";
import { readFrameConfig } from "./frame-config";

const BASE = { addonId: "addon_1", title: "Help", parentOrigin: "https://shop.example", authMode: "jwt" };
// readFrameConfig reads one attribute: a stand-in body is enough.
const body = (config: object) => ({ getAttribute: () => JSON.stringify(config) }) as unknown as HTMLElement;

describe("the frame's config", () => {
  it("takes the Desk's attachment size limit", () => {
    expect(readFrameConfig(body({ ...BASE, attachmentMaxBytes: 2048 })).attachmentMaxBytes).toBe(2048);
  });

  it("falls back to the default attachment limit when it is missing or not a positive whole number", () => {
    for (const attachmentMaxBytes of [undefined, "2048", -1, 0, 1.5, null]) {
      expect(readFrameConfig(body({ ...BASE, attachmentMaxBytes })).attachmentMaxBytes).toBe(DEFAULT_ATTACHMENT_MAX_BYTES);
    }
  });

  it("is in report-only mode only when the Desk says exactly true", () => {
    expect(readFrameConfig(body({ ...BASE, reportOnly: true })).reportOnly).toBe(true);
    for (const reportOnly of [undefined, "true", 1, false]) expect(readFrameConfig(body({ ...BASE, reportOnly })).reportOnly).toBe(false);
  });
});
