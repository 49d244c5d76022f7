"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { previewArticleAction } from "@/lib/desk/knowledge-base/preview-action";

/** How long typing must pause before the preview asks the server: one render per pause, not per key. */
const PAUSE_MS = 300;

/**
 * The body's preview, rendered on the server (previewArticleAction) as the help center renders it.
 * Only the newest request's answer is shown: an older one arriving late is dropped.
 */
export function useLivePreview(initial: ReactNode) {
  const [preview, setPreview] = useState(initial);
  const [state, setState] = useState<"fresh" | "updating" | "failed">("fresh");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const newest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback((body: string) => {
    clearTimeout(timer.current);
    setState("updating");
    timer.current = setTimeout(async () => {
      const request = ++newest.current;
      try {
        const rendered = await previewArticleAction(body);
        if (request !== newest.current) return;
        setPreview(rendered);
        setState("fresh");
      } catch {
        if (request === newest.current) setState("failed");
      }
    }, PAUSE_MS);
  }, []);

  return { preview, state, update };
}

/** The article as readers will see it: title and summary as typed, the body as the server rendered it. */
export function ArticlePreview({ title, summary, preview, state }: { title: string; summary: string; preview: ReactNode; state: "fresh" | "updating" | "failed" }) {
  return (
    <section aria-labelledby="article-preview-heading" aria-busy={state === "updating"} className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="article-preview-heading" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Preview
        </h2>
        <p className="text-xs text-slate-500">
          {state === "updating" ? "Updating…" : state === "failed" ? "The preview could not be updated; it will try again as you type." : "As the help center shows it"}
        </p>
      </div>
      <article className="mt-4">
        <p className="text-2xl font-bold tracking-tight">{title || "Untitled article"}</p>
        <p className="mt-2 text-slate-600">{summary}</p>
        <div className="mt-6">{preview}</div>
      </article>
    </section>
  );
}
