import { describe, expect, it } from "vitest";
import { widgetBrandingSchema } from "./schemas";

const branding = (input: Record<string, string>) =>
  widgetBrandingSchema.safeParse({ widgetTitle: "", widgetGreeting: "", accentColor: "#4f46e5", launcherPosition: "bottom-right", ...input });
const errorOf = (input: Record<string, string>, field: string) => branding(input).error?.issues.find((issue) => issue.path[0] === field)?.message;

describe("the portal's widget branding", () => {
  it("reads blank title and greeting as unset, so the widget falls back", () => {
    expect(branding({ widgetTitle: "  ", widgetGreeting: "" }).data).toMatchObject({ widgetTitle: null, widgetGreeting: null });
    expect(branding({ widgetTitle: " Acme help ", widgetGreeting: "Hi!" }).data).toMatchObject({ widgetTitle: "Acme help", widgetGreeting: "Hi!" });
  });

  it("keeps the greeting short", () => {
    expect(branding({ widgetGreeting: "x".repeat(200) }).success).toBe(true);
    expect(errorOf({ widgetGreeting: "x".repeat(201) }, "widgetGreeting")).toMatch(/200 characters/);
  });

  it("takes the accent colour as #rrggbb, stored in lower case", () => {
    expect(branding({ accentColor: "#0F766E" }).data?.accentColor).toBe("#0f766e");
    expect(errorOf({ accentColor: "teal" }, "accentColor")).toMatch(/#rrggbb/);
    expect(errorOf({ accentColor: "#0f7" }, "accentColor")).toMatch(/#rrggbb/);
  });

  it("refuses an accent colour white text cannot be read on (below 4.5:1), and says so", () => {
    expect(errorOf({ accentColor: "#ffd700" }, "accentColor")).toMatch(/hard to read.*4\.5:1.*darker/);
    expect(errorOf({ accentColor: "#777777" }, "accentColor")).toMatch(/hard to read/);
    expect(branding({ accentColor: "#767676" }).success).toBe(true);
  });

  it("puts the launcher bottom right or bottom left only", () => {
    expect(branding({ launcherPosition: "bottom-left" }).data?.launcherPosition).toBe("bottom-left");
    expect(errorOf({ launcherPosition: "top-left" }, "launcherPosition")).toMatch(/bottom right or bottom left/);
  });

  it("gives an add-on the default look when the form leaves the fields out", () => {
    expect(widgetBrandingSchema.parse({})).toEqual({ widgetTitle: null, widgetGreeting: null, accentColor: "#4f46e5", launcherPosition: "bottom-right" });
  });
});
