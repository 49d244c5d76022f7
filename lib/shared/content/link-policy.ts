/**
 * Which links user text may carry, judged the way a browser will resolve them: the WHATWG URL parser
 * turns `\` into `/`, drops tabs and newlines, and strips leading and trailing controls and spaces, so
 * `/\evil.example` or `/<TAB>/evil.example` leave the site exactly like `//evil.example` does. A prefix
 * check on the text cannot see that; resolving against a stand-in page on the site can.
 */
export type JudgedLink = {
  /** `site`: a path or fragment on the page's own site; `external`: another host; `mailto`: mail. */
  kind: "site" | "external" | "mailto";
  /** What to put in href: an external link written out as the absolute URL it really leads to. */
  href: string;
};

const PAGE = new URL("https://site.invalid/");

// What browsers strip from both ends of an href before parsing it (C0 controls and space).
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

/** The link's kind and the href to write, or null for anything but http(s), mailto, a path or a fragment. */
export function judgeLink(raw: string): JudgedLink | null {
  const href = raw.replace(EDGES, "");
  let url: URL;
  try {
    url = new URL(href, PAGE);
  } catch {
    return null;
  }
  if (url.protocol === "mailto:") return { kind: "mailto", href: url.href };
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.origin !== PAGE.origin) return { kind: "external", href: url.href };
  // On the site: only paths and fragments. "help" or "https:x" would depend on the page's own URL.
  return /^[/#]/.test(href) ? { kind: "site", href } : null;
}
