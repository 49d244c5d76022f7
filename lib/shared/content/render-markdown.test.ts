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
});
