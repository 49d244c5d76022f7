/**
 * The page's login callback, asked for a token once per need of the frame's. When the frame will
 * surely need one as soon as it has loaded (nothing saved it may resume), the SDK asks at
 * `invoke("login")`, while the frame loads, and keeps the answer, a token or a refusal, for the frame's
 * `needToken`: handed over once, then gone. Every login and logout drops what is kept or still coming:
 * it may be someone else's now.
 */
import { callLoginCallback, type LoginCallback } from "./login-callback";

/**
 * How long after asking for it a prefetched token may still be handed over. Tokens live 5 minutes
 * by default and within a window the Desk checks: a frame that took long to load gets a fresh one,
 * not one that may end while the Desk still reads it.
 */
export const PREFETCH_MAX_AGE_MS = 60_000;

export type TokenOutcome = { token(token: string): void; failed(message: string): void };
type Answer = (outcome: TokenOutcome) => void;

/** `now`: a clock for the prefetch's age (the SDK's is monotonic, so a clock change cannot make one young). */
export function loginTokens(now: () => number) {
  let callback: LoginCallback | null = null;
  let early: { at: number; answer: Promise<Answer> } | null = null;
  // Bumped by every login and logout: an answer asked for before it reaches nobody.
  let generation = 0;

  const ask = (login: LoginCallback) =>
    new Promise<Answer>((resolve) =>
      callLoginCallback(login, {
        token: (token) => resolve((outcome) => outcome.token(token)),
        failed: (message) => resolve((outcome) => outcome.failed(message)),
      }),
    );

  return {
    /** `invoke("login", login)`; `prefetch` when the frame will surely ask for a token. */
    login(login: LoginCallback, prefetch: boolean) {
      generation++;
      callback = login;
      early = null;
      if (prefetch) early = { at: now(), answer: ask(login) };
    },
    logout() {
      generation++;
      callback = null;
      early = null;
    },
    /**
     * Someone signed out elsewhere (another tab, or the frame forgot its session): a token asked for
     * before then may be theirs and must not sign the frame back in; a later need asks the page anew,
     * which answers for whoever is signed in by then.
     */
    drop() {
      generation++;
      early = null;
    },
    /** The frame's `needToken`: the prefetched answer if it is fresh enough, else the callback's now. */
    need(outcome: TokenOutcome) {
      const asked = generation;
      const answer = early && now() - early.at <= PREFETCH_MAX_AGE_MS ? early.answer : callback && ask(callback);
      early = null;
      void answer?.then((give) => {
        if (asked === generation) give(outcome);
      });
    },
  };
}
