/**
 * The widget session, decided here and nowhere else: no DOM, and the clock, the timers, the Desk and
 * the page all come in through `io`, so every rule below runs under a fake clock in session.test.ts.
 *
 * - The session comes from a login with the page's credential, or from the SDK's saved copy
 *   (checked with the Desk first).
 * - It is refreshed a minute before it ends, on this browser's clock as set from the server's
 *   `expiresInSeconds` (never from absolute times: a browser clock an hour off must not matter), and
 *   token requests are at least 30 s apart, whatever the clocks say: no refresh storms.
 * - One tab refreshes for all: the tab whose login made the session refreshes it and announces so;
 *   tabs that took it from a peer wait a few seconds longer, then for the session it shares.
 * - A logout (here or in another tab) forgets the session; here it also revokes it on the Desk.
 *   A login answered after a logout is revoked, not adopted.
 */
import type { LoginAnswer as DeskLoginAnswer, SessionAnswer as DeskSessionAnswer } from "@/lib/contract/desk-api/session";
import { asWidgetError, networkError, WIDGET_ERROR_CODES, type WidgetError } from "../protocol/errors";
import { FRAME_TO_PAGE, PAGE_TO_FRAME, type Contact, type FrameToPageMessage, type PageToFrameMessage, type WidgetSession } from "../protocol/messages";
import { REFRESH_MARGIN_MS, resumable } from "../protocol/session-timing";

export const MIN_TOKEN_REQUEST_GAP_MS = 30_000;
/** How long another tab's announced refresh may keep this one waiting. */
export const PEER_REFRESH_WAIT_MS = 15_000;
/**
 * How much later than the tab that made it a tab refreshes a session it took from a peer: their
 * timers would otherwise fire together, before either hears the other's announcement.
 */
export const PEER_SESSION_DELAY_MS = 5_000;
const NOTICE_MAX_LENGTH = 300;
const DEFAULT_NOTICE = "Sign in to the app to see your tickets.";

type TimerId = ReturnType<typeof setTimeout>;
export type Clock = { now(): number; setTimeout(callback: () => void, ms: number): TimerId; clearTimeout(id: TimerId): void };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id),
};

/** The parts of the Desk's answers the session uses, as the frame's Desk client hands them over (already checked for shape). */
export type LoginAnswer = { session: DeskLoginAnswer["session"]; contact: Contact };
export type SessionAnswer = { contact: Contact } & Pick<DeskSessionAnswer, "expiresInSeconds">;

export type Desk = {
  login(credential: string): Promise<LoginAnswer>;
  /** Who the bearer is and for how long; rejects once it ended. */
  session(bearer: string): Promise<SessionAnswer>;
  /** Fire and forget. */
  revoke(bearer: string): void;
};

export type SessionIO = {
  clock: Clock;
  desk: Desk;
  toPage(message: FrameToPageMessage): void;
  /** The state changed: render it. */
  changed(): void;
};

/** The app's reason for keeping its person a guest: information, not an error. */
export type Notice = { code: typeof WIDGET_ERROR_CODES.TOKEN_UNAVAILABLE; message: string };

export type SessionState = {
  session: WidgetSession | null;
  contact: Contact | null;
  error: WidgetError | null;
  notice: Notice | null;
  /** Waiting for a credential or the Desk's answer. */
  busy: boolean;
  /** The page asked for its person to be signed in, and has not signed out since. */
  wantsLogin: boolean;
};

export type SessionController = {
  readonly state: Readonly<SessionState>;
  receive(message: PageToFrameMessage): void;
};

/** A session being refreshed still counts: the old one works until the new one arrives. */
export function signedIn(state: SessionState): boolean {
  return Boolean(state.session && state.contact);
}

export function statusLine(state: SessionState): string {
  if (state.session && state.contact) return `Signed in as ${state.contact.name} (${state.contact.email})`;
  return state.busy ? "Signing you in…" : "Browsing as a guest";
}

/** Shown only while the page still wants this person signed in: a sign-out leaves no stale reason. */
export function visibleNotice(state: SessionState): string | null {
  return state.notice && state.wantsLogin && !state.error && !state.busy && !signedIn(state) ? state.notice.message : null;
}

/** `reportOnly`: the add-on's report-only mode, in which a refused login leaves a guest, not an error. */
export function createSessionController(config: { authMode: string; reportOnly?: boolean }, io: SessionIO): SessionController {
  const { clock, desk } = io;
  const state: SessionState = { session: null, contact: null, error: null, notice: null, busy: false, wantsLogin: false };
  let refreshTimer: TimerId | null = null;
  let lastTokenRequest = -Infinity;
  let peersRefreshingUntil = -Infinity;
  let sessionFromPeer = false;
  // Bumped by every logout: an answer to a request made before it belongs to nobody now.
  let epoch = 0;

  // Whom the page was last told the widget is signed in as (FRAME_TO_PAGE.identity): only a session
  // the Desk answered for (a login, a resume it confirmed, a peer's), not the page's saved copy alone.
  let announced: string | null = null;
  let confirmed = false;
  function changed() {
    const who = confirmed && signedIn(state) ? (state.contact?.email ?? null) : null;
    if (who !== announced) {
      announced = who;
      io.toPage({ type: FRAME_TO_PAGE.identity, contact: who && state.contact ? { name: state.contact.name, email: state.contact.email } : null });
    }
    io.changed();
  }

  const withLocalExpiry = (session: { token: string; expiresAt: string }, expiresInSeconds: number): WidgetSession => ({
    token: session.token,
    expiresAt: session.expiresAt,
    localExpiresAt: clock.now() + expiresInSeconds * 1000,
  });

  function stopTimer() {
    if (refreshTimer !== null) clock.clearTimeout(refreshTimer);
    refreshTimer = null;
  }
  function startTimer(ms: number) {
    stopTimer();
    refreshTimer = clock.setTimeout(refresh, Math.max(0, ms));
  }

  function askForToken() {
    if (!state.wantsLogin) return;
    lastTokenRequest = clock.now();
    state.busy = true;
    changed();
    io.toPage({ type: FRAME_TO_PAGE.needToken });
  }

  function login(credential: string) {
    const started = epoch;
    desk.login(credential).then(
      (answer) => {
        const session = withLocalExpiry(answer.session, answer.session.expiresInSeconds);
        if (started !== epoch || !state.wantsLogin) return desk.revoke(session.token);
        adopt(session, answer.contact);
        io.toPage({ type: FRAME_TO_PAGE.session, session, contact: answer.contact });
      },
      (reason: unknown) => {
        if (started === epoch) fail(asWidgetError(reason) ?? networkError());
      },
    );
  }

  function fail(error: WidgetError) {
    state.busy = false;
    // Report only: the Desk logged the refusal; the person browses as a guest, the page still hears why.
    state.error = config.reportOnly ? null : error;
    changed();
    io.toPage({ type: FRAME_TO_PAGE.loginFailed, error });
  }

  function adopt(session: WidgetSession, contact: Contact, fromPeer = false) {
    sessionFromPeer = fromPeer;
    confirmed = true;
    state.session = session;
    state.contact = contact;
    state.error = null;
    state.busy = false;
    scheduleRefresh();
    changed();
  }

  function forget() {
    stopTimer();
    confirmed = false;
    state.session = null;
    state.contact = null;
    state.busy = false;
    changed();
  }

  function logout() {
    epoch++;
    const session = state.session;
    forget();
    io.toPage({ type: FRAME_TO_PAGE.forget });
    if (session) desk.revoke(session.token);
  }

  function scheduleRefresh() {
    stopTimer();
    if (!state.session) return;
    const margin = REFRESH_MARGIN_MS - (sessionFromPeer ? PEER_SESSION_DELAY_MS : 0);
    const due = Math.max(state.session.localExpiresAt - margin, lastTokenRequest + MIN_TOKEN_REQUEST_GAP_MS);
    startTimer(due - clock.now());
  }

  // Re-login shortly before the session ends, with no user action. A tab about to refresh says so;
  // the others wait for the session it shares (and refresh themselves if none comes).
  function refresh() {
    refreshTimer = null;
    if (!state.wantsLogin) return;
    const now = clock.now();
    if (now < peersRefreshingUntil) return startTimer(peersRefreshingUntil - now + 1000);
    io.toPage({ type: FRAME_TO_PAGE.refreshing, forMs: PEER_REFRESH_WAIT_MS });
    askForToken();
  }

  function resumeOrLogin() {
    // The SDK reads the same rule to ask the page's callback early, while this frame loads.
    const saved = resumable(state.session, clock.now());
    if (!saved) return askForToken();
    const started = epoch;
    const stillCurrent = () => started === epoch && state.session?.token === saved.token;
    desk.session(saved.token).then(
      (current) => {
        if (stillCurrent()) adopt(withLocalExpiry(saved, current.expiresInSeconds), current.contact);
      },
      () => {
        if (!stillCurrent()) return;
        forget();
        askForToken();
      },
    );
  }

  function receive(message: PageToFrameMessage) {
    switch (message.type) {
      case PAGE_TO_FRAME.init:
        if (message.saved) {
          state.session = message.saved.session;
          state.contact = message.saved.contact;
        }
        return changed();
      case PAGE_TO_FRAME.login:
        state.wantsLogin = true;
        if (config.authMode !== "jwt") return changed();
        return resumeOrLogin();
      case PAGE_TO_FRAME.token:
        if (state.wantsLogin) login(message.token);
        return;
      case PAGE_TO_FRAME.tokenFailed:
        // The app declined to sign this person in (e.g. their email is not verified yet): not a
        // failure of ours, so no alert. They browse as a guest, and read the app's reason.
        state.busy = false;
        state.error = null;
        state.notice = { code: WIDGET_ERROR_CODES.TOKEN_UNAVAILABLE, message: message.message.slice(0, NOTICE_MAX_LENGTH) || DEFAULT_NOTICE };
        return changed();
      case PAGE_TO_FRAME.logout:
        state.wantsLogin = false;
        return logout();
      case PAGE_TO_FRAME.revoke:
        // A session the page stored and is forgetting (a sign-out or a change of user).
        if (state.session?.token === message.token) forget();
        return desk.revoke(message.token);
      case PAGE_TO_FRAME.peerSession:
        if (state.wantsLogin) adopt(message.session, message.contact, true);
        return;
      case PAGE_TO_FRAME.peerLogout:
        epoch++;
        return forget();
      case PAGE_TO_FRAME.peerRefreshing:
        peersRefreshingUntil = clock.now() + Math.min(message.forMs, PEER_REFRESH_WAIT_MS);
        return;
    }
  }

  return { state, receive };
}
