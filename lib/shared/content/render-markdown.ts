import "server-only";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";

/**
 * User and article text → safe HTML. Two layers: markdown-it with raw HTML off (every `<` the user
 * typed is escaped) and links limited to http(s), mailto and relative URLs; then DOMPurify with an
 * allow-list of the tags this subset can produce, in case either layer ever slips.
 */
const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());
markdown.disable(["image"]); // no remote images: they leak the reader's address and can track them

const purify = createDOMPurify(new JSDOM("").window);
const ALLOWED_TAGS = ["p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a", "blockquote", "h1", "h2", "h3", "h4", "hr", "del", "s"];
purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("rel", "nofollow noopener noreferrer");
    if (/^https?:/i.test(node.getAttribute("href") ?? "")) node.setAttribute("target", "_blank");
  }
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
