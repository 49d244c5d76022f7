/**
 * When a saved widget session may be resumed, in one place: the frame decides by it whether to resume
 * or to ask the page for a token (frame/session.ts), and the SDK by it whether the frame will surely
 * ask, so that it asks the page's login callback while the frame loads (sdk/token-prefetch.ts).
 */
import type { WidgetSession } from "./messages";

/** A session is renewed this long before it ends, and one that ends sooner is not resumed. */
export const REFRESH_MARGIN_MS = 60_000;

/** `saved`, if it may be resumed at `now` (this browser's clock); null when a login needs a new token. */
export function resumable(saved: WidgetSession | null, now: number): WidgetSession | null {
  if (!saved || saved.localExpiresAt - now < REFRESH_MARGIN_MS) return null;
  return saved;
}
