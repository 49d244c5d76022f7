import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";
import { isSameOriginRequest } from "./same-origin";

const request = (headers: Record<string, string>, url = "http://localhost:3000/api/x") => new Request(url, { method: "POST", headers });

describe("requestOrigin", () => {
  it("uses the Host the browser sent, not the server's configured host name", () => {
    expect(requestOrigin(request({ host: "127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
  });

  it("follows a proxy's X-Forwarded-Proto and X-Forwarded-Host", () => {
    expect(requestOrigin(request({ host: "app:3000", "x-forwarded-proto": "https", "x-forwarded-host": "help.example.com" }))).toBe(
      "https://help.example.com",
    );
  });
});

describe("isSameOriginRequest", () => {
  it("trusts Fetch Metadata when the browser sends it", () => {
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(request({ "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }))).toBe(false);
  });

  it("falls back to comparing Origin with the request's own origin", () => {
    expect(isSameOriginRequest(request({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(request({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(request({ host: "localhost:3000" }))).toBe(false);
  });

  it("always refuses Origin: null", () => {
    expect(isSameOriginRequest(request({ "sec-fetch-site": "same-origin", origin: "null" }))).toBe(false);
  });
});
