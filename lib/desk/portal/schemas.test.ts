import { describe, expect, it } from "vitest";
import { addonSettingsSchema, originsField } from "./schemas";

const settings = (input: Record<string, string>, allowPrivateEndpoints = false) =>
  addonSettingsSchema({ allowPrivateEndpoints }).safeParse({
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

describe("the JWT endpoint's address", () => {
  const endpointError = (url: string, allow = false) => settings({ legacyFlowEnabled: "on", legacyEndpointUrl: url }, allow).error?.issues[0];

  // The Desk calls this URL from its own network: an address inside it would make the Desk a proxy (SSRF).
  it.each([
    ["http://127.0.0.1:3000/jwt", "loopback"],
    ["http://0x7f000001:3000/jwt", "loopback"],
    ["http://2130706433/jwt", "loopback"],
    ["http://0177.0.0.1/jwt", "loopback"],
    ["http://127.1/jwt", "loopback"],
    ["http://[::1]:3000/jwt", "loopback"],
    ["http://[::ffff:127.0.0.1]/jwt", "loopback"],
    ["http://localhost:3000/jwt", "loopback"],
    ["http://api.localhost/jwt", "loopback"],
    ["http://10.1.2.3/jwt", "private"],
    ["http://192.168.1.1/jwt", "private"],
    ["http://169.254.169.254/latest/meta-data", "link-local"],
    ["http://[fc00::1]/jwt", "unique-local"],
    ["http://0.0.0.0/jwt", "unspecified"],
  ])("refuses %s, saying it is %s", (url, kind) => {
    const issue = endpointError(url);
    expect(issue?.path).toEqual(["legacyEndpointUrl"]);
    expect(issue?.message).toContain(kind);
    expect(issue?.message).toContain("public");
  });

  it("takes public addresses and host names (names are checked again when called)", () => {
    expect(endpointError("https://app.example.com/jwt")).toBeUndefined();
    expect(endpointError("http://93.184.215.14/jwt")).toBeUndefined();
  });

  it("takes loopback and private addresses when the Desk allows them (local development)", () => {
    expect(endpointError("http://127.0.0.1:3000/jwt", true)).toBeUndefined();
    expect(endpointError("http://localhost:3000/api/asap/legacy-jwt", true)).toBeUndefined();
  });
});
