import { describe, expect, it } from "vitest";
import { linkParts } from "./link-parts";

const SITE = "http://localhost:3000";

describe("links in a caught mail", () => {
  it("turns the site's own URLs into links and leaves the rest as text", () => {
    const text = "Open this:\n\nhttp://localhost:3000/verify-email?token=abc_123-X\n\nThanks.";
    expect(linkParts(text, SITE)).toEqual([
      { text: "Open this:\n\n" },
      { text: "http://localhost:3000/verify-email?token=abc_123-X", href: "http://localhost:3000/verify-email?token=abc_123-X" },
      { text: "\n\nThanks." },
    ]);
  });

  it("keeps URLs on any other origin as plain text", () => {
    for (const url of ["https://evil.example/verify-email", "http://localhost:3001/x", "http://localhost:3000.evil.example/"]) {
      expect(linkParts(`go to ${url} now`, SITE).every((part) => part.href === undefined)).toBe(true);
    }
  });

  it("leaves sentence punctuation after a URL out of the link", () => {
    expect(linkParts("Sign in at http://localhost:3000/sign-in.", SITE)).toEqual([
      { text: "Sign in at " },
      { text: "http://localhost:3000/sign-in", href: "http://localhost:3000/sign-in" },
      { text: "." },
    ]);
  });

  it("never makes a javascript: or data: URL clickable", () => {
    expect(linkParts("javascript:alert(1) data:text/html,x", SITE)).toEqual([{ text: "javascript:alert(1) data:text/html,x" }]);
  });
});
