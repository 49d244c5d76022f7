/** A mail body cut into plain text and links, for rendering as React text (never as HTML). */
export type TextPart = { text: string; href?: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'()]+/g;

/**
 * Only URLs on `origin` (the site's own) become links: the demo mailbox shows whatever mail arrived,
 * and must not turn it into a page of clickable links elsewhere. Trailing punctuation stays text.
 */
export function linkParts(text: string, origin: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, "");
    const start = match.index;
    if (!sameOrigin(url, origin)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
