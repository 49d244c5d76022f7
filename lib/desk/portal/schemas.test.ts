import { describe, expect, it } from "vitest";
import { addonSettingsSchema, originsField } from "./schemas";

const settings = (input: Record<string, string>) =>
  addonSettingsSchema.safeParse({
    name: "Help",
    origins: "https://app.example.com",
    authMode: "jwt",
    newFlowEnabled: "on",
    legacyEndpointUrl: "",
    clockSkewSeconds: "60",
    sessionTtlSeconds: "3600",
    ...input,
  });

describe("allowed origins", () => {
  it("splits on lines, spaces and commas, and merges duplicates", () => {
    expect(originsField.parse("https://a.example\nhttps://b.example, https://a.example  http://localhost:3000")).toEqual([
      "https://a.example",
      "https://b.example",
      "http://localhost:3000",
    ]);
  });

  it.each(["https://a.example/", "https://a.example/path", "ftp://a.example", "a.example", "https://user@a.example"])("refuses %s", (origin) => {
    expect(originsField.safeParse(origin).success).toBe(false);
  });
});

describe("add-on settings", () => {
  it("reads checkboxes and numbers from form values", () => {
    const result = settings({});
    expect(result.success && result.data).toMatchObject({ newFlowEnabled: true, legacyFlowEnabled: false, clockSkewSeconds: 60, legacyEndpointUrl: null });
  });

  it("requires an http(s) JWT endpoint when the legacy flow is on", () => {
    expect(settings({ legacyFlowEnabled: "on" }).error?.issues[0]?.path).toEqual(["legacyEndpointUrl"]);
    expect(settings({ legacyFlowEnabled: "on", legacyEndpointUrl: "file:///etc/passwd" }).success).toBe(false);
    expect(settings({ legacyFlowEnabled: "on", legacyEndpointUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(settings({ legacyFlowEnabled: "on", legacyEndpointUrl: "https://app.example.com/jwt" }).success).toBe(true);
  });

  it("bounds the skew and the session lifetime", () => {
    expect(settings({ clockSkewSeconds: "301" }).success).toBe(false);
    expect(settings({ clockSkewSeconds: "-1" }).success).toBe(false);
    expect(settings({ sessionTtlSeconds: "299" }).success).toBe(false);
    expect(settings({ sessionTtlSeconds: "86401" }).success).toBe(false);
  });
});
