import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";
import { XSS_CATALOGUE } from "./xss-catalogue";

describe("renderMarkdown", () => {
  it("renders the markdown subset: emphasis, lists, code, safe links, line breaks", () => {
    const html = renderMarkdown("**Bold** and *em*\n\n- one\n- two\n\n`code` [docs](https://example.com/docs) and [home](/help)\nnext line");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain("<em>em</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain('<a href="https://example.com/docs" rel="nofollow noopener noreferrer" target="_blank">docs</a>');
    expect(html).toContain('<a href="/help" rel="nofollow noopener noreferrer">home</a>');
    expect(html).toContain("<br>");
  });

  it("keeps what people type, as text: angle brackets are shown, not interpreted", () => {
    expect(renderMarkdown("Is 2 < 3 && 5 > 4? Use <b>bold</b>")).toContain("Is 2 &lt; 3 &amp;&amp; 5 &gt; 4? Use &lt;b&gt;bold&lt;/b&gt;");
  });

  // Judged on the parsed result, as a browser would see it: the payloads survive as visible text.
  it.each(XSS_CATALOGUE)("neutralises $label", ({ payload }) => {
    const body = new JSDOM(`<body>${renderMarkdown(payload)}</body>`).window.document.body;
    for (const element of body.querySelectorAll("*")) {
      expect(["P", "BR", "STRONG", "EM", "CODE", "A"]).toContain(element.tagName);
      for (const attribute of element.attributes) {
        expect(["href", "rel", "target"]).toContain(attribute.name);
        if (attribute.name === "href") expect(attribute.value).toMatch(/^(https?:|mailto:|\/|#)/i);
      }
    }
  });

  // A link that leaves the site must say so: an explicit http(s) URL opening in a new tab. Judged as a
  // browser would, by resolving each rendered href against a page on the site.
  const PAGE = "https://site.example/help/tickets/1";
  it.each([
    ["protocol-relative", "[x](//evil.example/login)"],
    ["protocol-relative with a leading space", "[x]( //evil.example)"],
    ["protocol-relative behind a no-break space", "[x](\u00a0//evil.example)"],
    ["slash backslash", "[x](/\\evil.example)"],
    ["backslash backslash", "[x](\\\\evil.example)"],
    ["slash backslash in angle brackets", "[x](</\\evil.example>)"],
    ["slash tab slash", "[x](</\t/evil.example>)"],
    ["slash vertical tab slash", "[x](</\u000b/evil.example>)"],
    ["slash NUL slash", "[x](/\u0000/evil.example)"],
    ["slash space slash", "[x](</ /evil.example>)"],
    ["encoded tab", "[x](/%09/evil.example)"],
    ["scheme without slashes", "[x](https:evil.example)"],
    ["scheme with a backslash", "[x](https:\\\\evil.example)"],
    ["a plain external link", "[x](https://evil.example)"],
  ])("never lets a %s link pass as a link on the site", (_label, input) => {
    const body = new JSDOM(`<body>${renderMarkdown(input)}</body>`).window.document.body;
    for (const anchor of body.querySelectorAll("a")) {
      const href = anchor.getAttribute("href") ?? "";
      if (new URL(href, PAGE).origin === new URL(PAGE).origin) continue;
      expect(href, input).toMatch(/^https?:\/\/[^/\\]/i);
      expect(anchor.getAttribute("target")).toBe("_blank");
    }
  });

  it("shows a protocol-relative link as the https URL it leads to, opened in a new tab", () => {
    expect(renderMarkdown("[x](//evil.example/login)")).toContain('<a href="https://evil.example/login" rel="nofollow noopener noreferrer" target="_blank">x</a>');
  });

  it("keeps links on the site as written, in the same tab", () => {
    expect(renderMarkdown("[a](/help/articles/x?q=1#top) [b](#faq)")).toContain('<a href="/help/articles/x?q=1#top" rel="nofollow noopener noreferrer">a</a>');
    expect(renderMarkdown("[b](#faq)")).toContain('<a href="#faq" rel="nofollow noopener noreferrer">b</a>');
  });
});
