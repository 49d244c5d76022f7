import { describe, expect, it } from "vitest";
import { frameConfig, frameContentSecurityPolicy, frameDocument } from "./frame-document";

const ADDON = { id: "addon_1", name: "Acme", authMode: "jwt", reportOnly: false, widgetTitle: null, widgetGreeting: null, accentColor: "#4f46e5", launcherPosition: "bottom-right" };

describe("the widget frame document", () => {
  it("tells the frame the attachment size limit the Desk enforces", () => {
    const config = frameConfig(ADDON, "https://shop.example", 2048);
    expect(config.attachmentMaxBytes).toBe(2048);
    expect(frameDocument(config)).toContain("&quot;attachmentMaxBytes&quot;:2048");
  });

  it("tells the frame whether the add-on only reports refused logins", () => {
    expect(frameConfig(ADDON, "https://shop.example", 2048).reportOnly).toBe(false);
    expect(frameConfig({ ...ADDON, reportOnly: true }, "https://shop.example", 2048).reportOnly).toBe(true);
  });

  it("lets images come from blob: URLs, where thumbnails fetched with credentials are shown", () => {
    const csp = frameContentSecurityPolicy(["https://shop.example"]);
    expect(csp).toContain("img-src 'self' data: blob:;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors https://shop.example;");
  });
});
