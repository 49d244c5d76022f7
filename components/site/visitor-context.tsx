"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { EARLY_VISITOR_KEY, VISITOR_PATH, visitorAnswer, type VisitorAnswer } from "@/lib/site/visitor-answer";

/** undefined until the first answer: nothing is shown as signed in or out before it is known. */
type VisitorState = {
  visitor: VisitorAnswer | undefined;
  refresh: () => Promise<unknown>;
  /** The site session just ended here: nobody is signed in, at once, whatever the next answer says. */
  signedOut: () => void;
};

const VisitorContext = createContext<VisitorState>({ visitor: undefined, refresh: async () => {}, signedOut: () => {} });

export const useVisitor = () => useContext(VisitorContext);

const askVisitor = (): Promise<unknown> => fetch(VISITOR_PATH, { cache: "no-store" }).then((response) => (response.ok ? response.json() : null));

/**
 * The server's answer, or undefined while it cannot be had (offline for a moment: keep what is known).
 * `asked`: the body of a request already under way (the page's first one).
 */
async function loadVisitor(asked: Promise<unknown> = askVisitor()): Promise<VisitorAnswer | undefined> {
  try {
    const parsed = visitorAnswer.safeParse(await asked);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page's first question, asked once between the page's inline script (./early-visitor.tsx) and
 * this module, whichever runs first: the other takes its answer from EARLY_VISITOR_KEY.
 */
function firstQuestion(): Promise<unknown> {
  const holder = window as unknown as Record<string, unknown>;
  const early = holder[EARLY_VISITOR_KEY];
  if (early instanceof Promise) return early;
  const asked = askVisitor();
  holder[EARLY_VISITOR_KEY] = asked;
  return asked;
}

/**
 * The first answer, asked by the page as it was parsed (./early-visitor.tsx), or else as soon as
 * this module loads in the browser, before React hydrates the page: the widget waits for it
 * (./asap-widget.tsx), so every millisecond here is one for the user.
 */
let firstAnswer: Promise<VisitorAnswer | undefined> | undefined;
export function firstVisitor(): Promise<VisitorAnswer | undefined> {
  return (firstAnswer ??= loadVisitor(firstQuestion()));
}
if (typeof window !== "undefined") void firstVisitor();

/**
 * Asks the server who is signed in (GET /api/visitor) when the site opens, after each navigation (a
 * sign-in lands on another page) and when the tab comes back into view (a sign-out in another tab),
 * so that the pages themselves can be the same cached HTML for everyone.
 */
export function VisitorProvider({ children }: { children: ReactNode }) {
  const [visitor, setVisitor] = useState<VisitorAnswer>();
  const pathname = usePathname();
  // Only the newest question's answer counts: a slow older one never overwrites a newer state.
  const asked = useRef(0);
  const apply = useCallback((answer: Promise<VisitorAnswer | undefined>) => {
    const ticket = ++asked.current;
    return answer.then((found) => found && ticket === asked.current && setVisitor(found));
  }, []);

  const refresh = useCallback(() => apply(loadVisitor()), [apply]);
  const signedOut = useCallback(() => {
    asked.current++;
    setVisitor((known) => known && { ...known, user: null });
  }, []);

  // The first page's answer is already on its way (firstVisitor); each later page asks again.
  const firstPath = useRef<string | null>(pathname);
  useEffect(() => {
    void apply(pathname === firstPath.current ? firstVisitor() : loadVisitor());
    firstPath.current = null;
  }, [pathname, apply]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh]);

  return <VisitorContext.Provider value={{ visitor, refresh, signedOut }}>{children}</VisitorContext.Provider>;
}
