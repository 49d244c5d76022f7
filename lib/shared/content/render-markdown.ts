import "server-only";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";
import { judgeLink } from "./link-policy";

/**
 * User and article text → safe HTML. Two layers: markdown-it with raw HTML off (every `<` the user
 * typed is escaped) and links limited to http(s), mailto, paths and fragments; then DOMPurify with an
 * allow-list of the tags this subset can produce, in case either layer ever slips. Every href is
 * judged as a browser resolves it (./link-policy), so a link that leaves the site always says so.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
markdown.validateLink = (url) => judgeLink(url) !== null;
markdown.disable(["image"]); // no remote images: they leak the reader's address and can track them

const purify = createDOMPurify(new JSDOM("").window);
const ALLOWED_TAGS = ["p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a", "blockquote", "h1", "h2", "h3", "h4", "hr", "del", "s"];
purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName !== "A") return;
  node.setAttribute("rel", "nofollow noopener noreferrer");
  node.removeAttribute("target");
  const link = judgeLink(node.getAttribute("href") ?? "");
  if (!link) {
    node.removeAttribute("href");
    return;
  }
  // The judged href, not the written one: `//evil.example` becomes https://evil.example/, plainly external.
  node.setAttribute("href", link.href);
  if (link.kind === "external") node.setAttribute("target", "_blank");
});

export const MAX_RENDERED_INPUT = 20_000;

export function renderMarkdown(text: string): string {
  const html = markdown.render(text.slice(0, MAX_RENDERED_INPUT));
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href", "target", "rel"],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#)/i,
  });
}
