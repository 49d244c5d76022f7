"use client";

import { useEffect, useRef } from "react";

/**
 * Counts this page's view of an article at the Desk, through the site: the page itself may come from
 * a cache, so the count cannot ride on its rendering. A beacon survives the reader leaving at once.
 */
export function CountArticleView({ slug }: { slug: string }) {
  const sent = useRef(false); // once per page view, also under React's development double effects
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    navigator.sendBeacon(`/help/articles/${encodeURIComponent(slug)}/views`);
  }, [slug]);
  return null;
}
