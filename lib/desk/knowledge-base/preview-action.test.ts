import { JSDOM } from "jsdom";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { XSS_CATALOGUE } from "@/lib/shared/content/xss-catalogue";

// The preview is the help center's own rendering, asked for by a signed-in agent only.
const requireAgent = vi.fn();
vi.mock("@/lib/desk/portal/agent-session", () => ({ requireAgent }));
const { previewArticleAction } = await import("./preview-action");

const SIGNED_IN = { id: "a1", name: "Sam", email: "sam@desk.example.com", role: "agent" };
const previewOf = async (body: string) => new JSDOM(`<body>${renderToStaticMarkup((await previewArticleAction(body)) as ReactNode)}</body>`).window.document.body;

describe("the article preview", () => {
  beforeEach(() => {
    requireAgent.mockReset().mockResolvedValue(SIGNED_IN);
  });

  it("renders the markdown as the help center does", async () => {
    const body = await previewOf("## Steps\n\n1. Open **Settings**\n2. See [docs](https://example.com/docs)");
    expect(body.querySelector("h2")?.textContent).toBe("Steps");
    expect(body.querySelector("ol strong")?.textContent).toBe("Settings");
    expect(body.querySelector("a")?.getAttribute("target")).toBe("_blank");
  });

  // As the renderer's own test judges it: on the parsed result, the way a browser sees it.
  it.each(XSS_CATALOGUE)("neutralises $label: the payload stays text, nothing can run", async ({ payload }) => {
    const body = await previewOf(`Intro\n\n${payload}`);
    for (const element of body.querySelectorAll("*")) {
      expect(["DIV", "P", "BR", "STRONG", "EM", "CODE", "A"]).toContain(element.tagName);
      for (const attribute of element.attributes) {
        expect(["class", "href", "rel", "target"]).toContain(attribute.name);
        if (attribute.name === "href") expect(attribute.value).toMatch(/^(https?:|mailto:|\/|#)/i);
      }
    }
    expect(body.querySelector("script, img, svg, iframe, [onerror], [onload], [style]")).toBeNull();
  });

  it("renders nothing for a caller who is not a signed-in agent", async () => {
    requireAgent.mockRejectedValue(new Error("redirected to the sign-in page"));
    await expect(previewArticleAction("**hi**")).rejects.toThrow("redirected to the sign-in page");
  });
});
