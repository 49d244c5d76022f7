import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WIDGET_ERROR_CODES } from "../protocol/errors";
import { FRAME_TO_PAGE, PAGE_TO_FRAME, type Contact, type FrameToPageMessage, type SavedSession } from "../protocol/messages";
import { REFRESH_MARGIN_MS } from "../protocol/session-timing";
import { frameToTabs, tabToFrame } from "../sdk/relay";
import {
  createSessionController,
  MIN_TOKEN_REQUEST_GAP_MS,
  PEER_REFRESH_WAIT_MS,
  signedIn,
  statusLine,
  systemClock,
  visibleNotice,
  type LoginAnswer,
  type SessionAnswer,
} from "./session";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** How long the page's login callback takes to hand over a credential, and the Desk to answer. */
const TOKEN_LATENCY_MS = 50;
const DESK_LATENCY_MS = 100;

const ada: Contact = { id: "c_ada", name: "Ada", email: "ada@example.com" };
const grace: Contact = { id: "c_grace", name: "Grace", email: "grace@example.com" };

let bearers = 0;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One widget frame under test, with a fake Desk and a fake page whose login callback answers every
 * need-token with a JWT for `person` (set it to null to have the page stay silent).
 */
function frame(options: { person?: Contact | null; authMode?: string; reportOnly?: boolean; expiresInSeconds?: number } = {}) {
  let person = options.person === undefined ? ada : options.person;
  const sent: Array<{ at: number; message: FrameToPageMessage }> = [];
  const listeners: Array<(message: FrameToPageMessage) => void> = [];
  const desk = {
    login: vi.fn(async (credential: string): Promise<LoginAnswer> => {
      await delay(DESK_LATENCY_MS);
      const contact = JSON.parse(credential) as Contact;
      return { session: { token: `bearer-${++bearers}`, expiresAt: "2001-01-01T00:00:00.000Z", expiresInSeconds: options.expiresInSeconds ?? 3600 }, contact };
    }),
    session: vi.fn(async (_bearer: string): Promise<SessionAnswer> => {
      await delay(DESK_LATENCY_MS);
      return { contact: ada, expiresInSeconds: 1800 };
    }),
    revoke: vi.fn(),
  };
  const controller = createSessionController(
    { authMode: options.authMode ?? "jwt", reportOnly: options.reportOnly ?? false },
    {
      clock: systemClock,
      desk,
      toPage(message) {
        sent.push({ at: Date.now(), message });
        listeners.forEach((listener) => listener(message));
        if (message.type === FRAME_TO_PAGE.needToken && person) {
          const credential = JSON.stringify(person);
          setTimeout(() => controller.receive({ type: PAGE_TO_FRAME.token, token: credential }), TOKEN_LATENCY_MS);
        }
      },
      changed: () => {},
    },
  );
  return {
    ...controller,
    desk,
    sent,
    onMessage: (listener: (message: FrameToPageMessage) => void) => listeners.push(listener),
    setPerson: (next: Contact | null) => (person = next),
    /** When the frame asked the page for a token. */
    tokenRequests: () => sent.filter(({ message }) => message.type === FRAME_TO_PAGE.needToken).map(({ at }) => at),
    count: (type: FrameToPageMessage["type"]) => sent.filter(({ message }) => message.type === type).length,
    /** The page loaded with nothing saved, and asks for its person to be signed in. */
    start(saved: SavedSession | null = null) {
      controller.receive({ type: PAGE_TO_FRAME.init, saved, visit: null });
      controller.receive({ type: PAGE_TO_FRAME.login });
    },
  };
}

/** Tabs of one page: each frame's news goes over the SDK's relay to the others, a few ms later. */
function connect(...frames: Array<ReturnType<typeof frame>>) {
  for (const from of frames) {
    from.onMessage((message) => {
      const forTabs = frameToTabs(message);
      if (!forTabs) return;
      for (const to of frames) if (to !== from) setTimeout(() => to.receive(tabToFrame(forTabs)), 3);
    });
  }
}

const session = (token: string, localExpiresAt: number): SavedSession => ({ session: { token, expiresAt: "2001-01-01T00:00:00.000Z", localExpiresAt }, contact: ada });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-06-01T12:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("logging in", () => {
  it("asks the page for a token, logs in with it and hands the page the session", async () => {
    const tab = frame();
    tab.start();
    expect(statusLine(tab.state)).toBe("Signing you in…");
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);

    expect(tab.desk.login).toHaveBeenCalledOnce();
    expect(statusLine(tab.state)).toBe("Signed in as Ada (ada@example.com)");
    const handedOver = tab.sent.find(({ message }) => message.type === FRAME_TO_PAGE.session)?.message;
    expect(handedOver).toEqual({ type: FRAME_TO_PAGE.session, session: tab.state.session, contact: ada });
  });

  it("sets the session's end on this browser's clock from the server's expiresInSeconds, not its expiresAt", async () => {
    const tab = frame({ expiresInSeconds: 3600 });
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    expect(tab.state.session?.localExpiresAt).toBe(Date.now() + HOUR);
  });

  it("shows the Desk's error, and tells the page so it can log it, when a login fails", async () => {
    const tab = frame();
    const error = { code: "SIGNATURE_INVALID", message: "The signature does not match.", hint: "Sign with the secret as UTF-8; do not base64-decode it." };
    tab.desk.login.mockRejectedValueOnce(error);
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS);

    expect(tab.state.error).toEqual(error);
    expect(statusLine(tab.state)).toBe("Browsing as a guest");
    expect(tab.sent.at(-1)?.message).toEqual({ type: FRAME_TO_PAGE.loginFailed, error });
  });

  it("in report-only mode keeps its person a guest without an error, and still tells the page why", async () => {
    const tab = frame({ reportOnly: true });
    const error = { code: "KEY_NOT_FOUND", message: "No signing key of this add-on has kid \"new-key\".", hint: "Use the key id shown in the portal." };
    tab.desk.login.mockRejectedValueOnce(error);
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS);

    expect(tab.state.error).toBeNull();
    expect(tab.state.busy).toBe(false);
    expect(statusLine(tab.state)).toBe("Browsing as a guest");
    expect(tab.sent.at(-1)?.message).toEqual({ type: FRAME_TO_PAGE.loginFailed, error });
  });

  it("says NETWORK when the Desk cannot be reached", async () => {
    const tab = frame();
    tab.desk.login.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS);
    expect(tab.state.error?.code).toBe(WIDGET_ERROR_CODES.NETWORK);
  });

  it("keeps its person a guest with the app's reason, as a notice rather than an error, when the app gives no token", async () => {
    const tab = frame({ person: null });
    tab.start();
    tab.receive({ type: PAGE_TO_FRAME.tokenFailed, message: "Verify your email address first." });

    expect(tab.state.error).toBeNull();
    expect(tab.state.notice).toEqual({ code: WIDGET_ERROR_CODES.TOKEN_UNAVAILABLE, message: "Verify your email address first." });
    expect(visibleNotice(tab.state)).toBe("Verify your email address first.");
    expect(statusLine(tab.state)).toBe("Browsing as a guest");

    tab.receive({ type: PAGE_TO_FRAME.tokenFailed, message: "x".repeat(1000) });
    expect(visibleNotice(tab.state)).toHaveLength(300);
    tab.receive({ type: PAGE_TO_FRAME.tokenFailed, message: "" });
    expect(visibleNotice(tab.state)).toBe("Sign in to the app to see your tickets.");

    tab.receive({ type: PAGE_TO_FRAME.logout });
    expect(visibleNotice(tab.state)).toBeNull(); // a sign-out leaves no stale reason
  });

  it("asks for no token for an anonymous-only add-on", async () => {
    const tab = frame({ authMode: "anonymous" });
    tab.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(0);
    expect(statusLine(tab.state)).toBe("Browsing as a guest");
  });

  it("ignores a token the page sends when it has not asked for a login", async () => {
    const tab = frame();
    tab.receive({ type: PAGE_TO_FRAME.token, token: JSON.stringify(ada) });
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);
    expect(tab.desk.login).not.toHaveBeenCalled();
  });
});

describe("resuming the session the SDK saved", () => {
  it("resumes it once the Desk confirms it, without asking for a token, and refreshes by the Desk's lifetime", async () => {
    const tab = frame();
    tab.start(session("bearer-saved", Date.now() + 30 * MINUTE));
    expect(signedIn(tab.state)).toBe(true); // shown at once; the Desk's answer follows
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);

    expect(tab.desk.session).toHaveBeenCalledWith("bearer-saved");
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(0);
    expect(tab.state.session?.localExpiresAt).toBe(Date.now() + 1800 * SECOND); // the Desk's expiresInSeconds
    await vi.advanceTimersByTimeAsync(29 * MINUTE - SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(0);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
  });

  it("logs in afresh when the saved session ends within the refresh margin", async () => {
    const tab = frame();
    tab.start(session("bearer-saved", Date.now() + REFRESH_MARGIN_MS - 1));
    expect(tab.desk.session).not.toHaveBeenCalled();
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
  });

  it("forgets a saved session the Desk no longer knows and logs in afresh", async () => {
    const tab = frame();
    tab.desk.session.mockRejectedValueOnce({ code: "UNAUTHENTICATED", message: "…", hint: "" });
    tab.start(session("bearer-revoked", Date.now() + 30 * MINUTE));
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    expect(tab.state.session?.token).not.toBe("bearer-revoked");
    expect(statusLine(tab.state)).toBe("Signed in as Ada (ada@example.com)");
  });
});

describe("refreshing", () => {
  it("logs in again by itself a minute before the session ends", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    const first = tab.state.session;

    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS - SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(2);
    expect(tab.count(FRAME_TO_PAGE.refreshing)).toBe(1); // announced to the other tabs first
    expect(statusLine(tab.state)).toBe("Signed in as Ada (ada@example.com)"); // the old session works meanwhile

    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    expect(tab.state.session?.token).not.toBe(first?.token);
    expect(tab.desk.login).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["an hour ahead", HOUR],
    ["two hours behind", -2 * HOUR],
    ["a day ahead", 24 * HOUR],
  ])("times its refresh by the server's lifetime when the browser's clock is %s", async (_label, offset) => {
    vi.setSystemTime(Date.now() + offset);
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);

    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS - SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(2);
  });

  it("asks for tokens at most every 30 seconds, even when each session comes back nearly over", async () => {
    const tab = frame({ expiresInSeconds: 10 }); // shorter than the refresh margin: a storm, but for the gap
    tab.start();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);

    const times = tab.tokenRequests();
    expect(times.length).toBeGreaterThan(5);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MIN_TOKEN_REQUEST_GAP_MS);
    expect(times.length).toBeLessThanOrEqual(5 * MINUTE / MIN_TOKEN_REQUEST_GAP_MS + 1);
  });

  it("waits while another tab announces a refresh, and takes the session it shares", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS - 2 * SECOND);

    tab.receive({ type: PAGE_TO_FRAME.peerRefreshing, forMs: PEER_REFRESH_WAIT_MS });
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    tab.receive({ type: PAGE_TO_FRAME.peerSession, ...session("bearer-from-peer", Date.now() + HOUR) });
    await vi.advanceTimersByTimeAsync(30 * MINUTE);

    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    expect(tab.state.session?.token).toBe("bearer-from-peer");
  });

  it("refreshes by itself when the announcing tab never delivers, and waits no longer than 15 s for it", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS - 2 * SECOND);

    tab.receive({ type: PAGE_TO_FRAME.peerRefreshing, forMs: 10 * HOUR }); // a peer may not hold us up for long
    await vi.advanceTimersByTimeAsync(PEER_REFRESH_WAIT_MS);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(2);
  });

  it("refreshes once for all of a page's tabs, and every tab keeps the same session", async () => {
    const tabs = [frame(), frame(), frame()];
    connect(...tabs);
    for (const tab of tabs) {
      tab.start();
      await vi.advanceTimersByTimeAsync(SECOND);
    }
    const loginsAtStart = tabs[0]!.desk.login.mock.calls.length + tabs[1]!.desk.login.mock.calls.length + tabs[2]!.desk.login.mock.calls.length;

    for (let hour = 1; hour <= 3; hour++) {
      await vi.advanceTimersByTimeAsync(HOUR);
      const logins = tabs.reduce((sum, tab) => sum + tab.desk.login.mock.calls.length, 0);
      expect(logins - loginsAtStart, `logins after ${hour} hours`).toBe(hour);
      const tokens = new Set(tabs.map((tab) => tab.state.session?.token));
      expect(tokens.size).toBe(1);
    }
  });
});

describe("logging out and switching users", () => {
  it("forgets the session, tells the page to forget it too and revokes it on the Desk", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    const bearer = tab.state.session?.token;

    tab.receive({ type: PAGE_TO_FRAME.logout });
    expect(statusLine(tab.state)).toBe("Browsing as a guest");
    expect(tab.sent.at(-1)?.message).toEqual({ type: FRAME_TO_PAGE.forget });
    expect(tab.desk.revoke).toHaveBeenCalledWith(bearer);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(tab.count(FRAME_TO_PAGE.needToken)).toBe(1); // no refresh for nobody
  });

  it("revokes, and never adopts, a session whose login was answered after a logout", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS); // the login is on its way to the Desk
    tab.receive({ type: PAGE_TO_FRAME.logout });
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);

    expect(signedIn(tab.state)).toBe(false);
    expect(tab.count(FRAME_TO_PAGE.session)).toBe(0);
    expect(tab.desk.revoke).toHaveBeenCalledOnce();
  });

  it("revokes the bearer the page hands over when its person changes, and signs the new person in", async () => {
    // The site's sign-in changed hands without a sign-out: the SDK hands over the stored bearer,
    // logs out and logs in again, in this order.
    const tab = frame({ person: grace });
    tab.receive({ type: PAGE_TO_FRAME.init, saved: session("bearer-ada", Date.now() + 30 * MINUTE), visit: null });
    tab.receive({ type: PAGE_TO_FRAME.revoke, token: "bearer-ada" });
    tab.receive({ type: PAGE_TO_FRAME.logout });
    tab.receive({ type: PAGE_TO_FRAME.login });
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);

    expect(tab.desk.revoke).toHaveBeenCalledWith("bearer-ada");
    expect(tab.desk.session).not.toHaveBeenCalled(); // Ada's session is never resumed
    expect(statusLine(tab.state)).toBe("Signed in as Grace (grace@example.com)");
  });

  it("revokes a bearer the page forgets that is not the frame's own, and keeps its own session", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    tab.receive({ type: PAGE_TO_FRAME.revoke, token: "bearer-of-someone-else" });
    expect(tab.desk.revoke).toHaveBeenCalledWith("bearer-of-someone-else");
    expect(signedIn(tab.state)).toBe(true);
  });

  it("follows a logout in another tab: forgets the session without asking for a token, and drops a login in flight", async () => {
    const [here, there] = [frame(), frame()];
    connect(here, there);
    here.start();
    await vi.advanceTimersByTimeAsync(SECOND);
    there.start();
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(signedIn(here.state) && signedIn(there.state)).toBe(true);

    here.setPerson(null);
    here.receive({ type: PAGE_TO_FRAME.peerLogout }); // as if a third tab signed out
    expect(signedIn(here.state)).toBe(false);
    expect(here.desk.revoke).not.toHaveBeenCalled(); // the tab that logged out revoked it

    there.receive({ type: PAGE_TO_FRAME.logout });
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(signedIn(here.state) || signedIn(there.state)).toBe(false);
    expect(here.count(FRAME_TO_PAGE.needToken)).toBe(1);
  });

  it("revokes a login answered after another tab logged out", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS);
    tab.receive({ type: PAGE_TO_FRAME.peerLogout });
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);
    expect(signedIn(tab.state)).toBe(false);
    expect(tab.desk.revoke).toHaveBeenCalledOnce();
  });
});

describe("telling the page who is signed in (the host page's events)", () => {
  const identities = (tab: ReturnType<typeof frame>) =>
    tab.sent.flatMap(({ message }) => (message.type === FRAME_TO_PAGE.identity ? [message.contact?.email ?? null] : []));

  it("says so once per person: at the login, not at each refresh, and nobody after a logout", async () => {
    const tab = frame();
    tab.start();
    await vi.advanceTimersByTimeAsync(TOKEN_LATENCY_MS + DESK_LATENCY_MS);
    expect(identities(tab)).toEqual(["ada@example.com"]);
    await vi.advanceTimersByTimeAsync(HOUR); // refreshed a minute before the end: the same person
    expect(tab.desk.login).toHaveBeenCalledTimes(2);
    expect(identities(tab)).toEqual(["ada@example.com"]);
    tab.receive({ type: PAGE_TO_FRAME.logout });
    expect(identities(tab)).toEqual(["ada@example.com", null]);
  });

  it("names a saved session's person only once the Desk has confirmed it", async () => {
    const tab = frame();
    tab.start(session("bearer-saved", Date.now() + 30 * MINUTE));
    expect(identities(tab)).toEqual([]);
    await vi.advanceTimersByTimeAsync(DESK_LATENCY_MS);
    expect(identities(tab)).toEqual(["ada@example.com"]);
  });
});
