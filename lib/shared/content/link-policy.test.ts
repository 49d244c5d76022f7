import { describe, expect, it } from "vitest";
import { judgeLink } from "./link-policy";

describe("judgeLink", () => {
  it("keeps paths and fragments on the site as written", () => {
    expect(judgeLink("/help")).toEqual({ kind: "site", href: "/help" });
    expect(judgeLink("/help/articles/x?q=1#top")).toEqual({ kind: "site", href: "/help/articles/x?q=1#top" });
    expect(judgeLink("#faq")).toEqual({ kind: "site", href: "#faq" });
    expect(judgeLink("/%5Cevil.example")).toEqual({ kind: "site", href: "/%5Cevil.example" });
    expect(judgeLink("/.//evil.example")).toEqual({ kind: "site", href: "/.//evil.example" });
  });

  it("treats a link to another host as external, written out as the absolute URL it resolves to", () => {
    expect(judgeLink("https://example.com/docs")).toEqual({ kind: "external", href: "https://example.com/docs" });
    expect(judgeLink("HTTP://Example.com")).toEqual({ kind: "external", href: "http://example.com/" });
  });

  it.each([
    ["protocol-relative", "//evil.example/path"],
    ["slash backslash", "/\\evil.example/path"],
    ["backslash slash", "\\/evil.example/path"],
    ["backslash backslash", "\\\\evil.example/path"],
    ["slash tab slash", "/\t/evil.example/path"],
    ["slash newline slash", "/\n/evil.example/path"],
    ["slash carriage return slash", "/\r/evil.example/path"],
    ["leading space", " //evil.example/path"],
    ["leading control character", "\u0001//evil.example/path"],
    ["trailing control character", "//evil.example/path\u001f"],
  ])("sees the %s trick for the external link it is", (_label, href) => {
    expect(judgeLink(href)).toEqual({ kind: "external", href: "https://evil.example/path" });
  });

  it("keeps mailto links, which open the reader's mail program", () => {
    expect(judgeLink("mailto:help@example.com")).toEqual({ kind: "mailto", href: "mailto:help@example.com" });
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "help",
    "./help",
    "../help",
    "",
  ])("refuses %j: neither http(s), mailto, nor a path or fragment", (href) => {
    expect(judgeLink(href)).toBeNull();
  });
});
