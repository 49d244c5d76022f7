/*
 * ASAP web SDK loader (asap-jwt-helpcenter), built into /asap/sdk.js. No framework.
 *
 * Include it from the Desk:   <script src="https://desk.example/asap/sdk.js" data-addon-id="…" async></script>
 * Then, as with the vendor's widget:
 *   window.ZohoDeskAsapReady(() => {
 *     ZohoDeskAsap.invoke("login", (success, failure) =>
 *       fetch("/api/asap/token", { method: "POST" }).then((r) => r.json()).then((j) => success(j.token)).catch(failure));
 *   });
 *   ZohoDeskAsap.invoke("logout");  // on sign-out
 *
 * The widget runs in an iframe served by the Desk; page and frame talk only through the protocol's
 * ports (exact origins, event.origin and event.source checked). The SDK keeps the widget's session
 * for the frame (./store.ts) and relays between the frame and the page's other tabs over a
 * BroadcastChannel (./relay.ts): one tab refreshes the session for all, and a logout reaches every tab.
 * When the frame will surely ask for a token, the SDK asks the page's callback while the frame
 * loads (./token-prefetch.ts).
 */
import { FRAME_TO_PAGE, PAGE_TO_FRAME, tabChannelName, type FrameToPagePayloads, type PageToFrameMessage, type PageToFramePayloads, type SavedSession, type TabPayloads } from "../protocol/messages";
import { ACCEPTED_BY_PAGE, ACCEPTED_FROM_TABS } from "../protocol/parse";
import { channelPort, windowPort } from "../protocol/port";
import { WIDGET_ERROR_CODES } from "../protocol/errors";
import type { HostEventListener, HostEventName } from "../protocol/host-events";
import { resumable } from "../protocol/session-timing";
import { hostEvents } from "./host-events";
import { createLauncher } from "./launcher";
import type { LoginCallback } from "./login-callback";
import { frameToTabs, tabToFrame } from "./relay";
import { pageSessionStorage, sessionStore } from "./store";
import { loginTokens } from "./token-prefetch";

type Action = "login" | "logout" | "open" | "close";
type AsapApi = {
  __sdk: true;
  invoke(action: Action, argument?: unknown): void;
  /** Listens to the widget's events (../protocol/host-events.ts); returns the function that stops it. */
  on<N extends HostEventName>(name: N, listener: HostEventListener<N>): () => void;
  off<N extends HostEventName>(name: N, listener: HostEventListener<N>): void;
};
/** The vendor's globals. Declared here, not on Window: the SDK assumes nothing of the page's own types. */
type VendorGlobals = {
  ZohoDeskAsap?: Partial<AsapApi>;
  ZohoDeskAsapReady?: (callback: unknown) => void;
  ZohoDeskAsap__asyncalls?: unknown[] | null;
  ZohoDeskAsapReadyStatus?: boolean;
};

function start() {
  const globals = window as unknown as VendorGlobals;
  if (globals.ZohoDeskAsap?.__sdk) return;

  const script = document.currentScript as HTMLScriptElement | null;
  const addonId = script?.getAttribute("data-addon-id");
  if (!script || !addonId) {
    console.error("[ASAP] sdk.js needs a data-addon-id attribute on its <script> tag.");
    return;
  }
  const deskOrigin = new URL(script.src).origin;
  const frameUrl = `${deskOrigin}/desk/widget/frame?addonId=${encodeURIComponent(addonId)}&parentOrigin=${encodeURIComponent(location.origin)}`;

  const store = sessionStore(pageSessionStorage(), addonId);
  const tabs = channelPort<TabPayloads, TabPayloads>("BroadcastChannel" in window ? new BroadcastChannel(tabChannelName(addonId)) : null, ACCEPTED_FROM_TABS);
  const widget = createLauncher(frameUrl);
  const frame = windowPort<FrameToPagePayloads, PageToFramePayloads>({
    host: window,
    peer: () => widget.frame.contentWindow,
    peerOrigin: deskOrigin,
    accepts: ACCEPTED_BY_PAGE,
  });

  const events = hostEvents();
  let signedInAs: string | null = null; // as the frame last said (FRAME_TO_PAGE.identity)
  let loggingOut = false; // the page asked: the next "nobody" is its logout, not an ending
  let current = store.load()?.session ?? null; // for sessionExpiring's times

  let frameReady = false;
  const pending: PageToFrameMessage[] = []; // waiting for the frame to be ready
  const tokens = loginTokens(() => performance.now());

  function toFrame(message: PageToFrameMessage) {
    if (frameReady) frame.post(message);
    else pending.push(message);
  }

  // Only the frame can revoke a bearer (the Desk API is on its origin): hand it over before forgetting it.
  function revoke(saved: SavedSession | null) {
    if (saved) toFrame({ type: PAGE_TO_FRAME.revoke, token: saved.session.token });
  }

  function requestToken() {
    tokens.need({
      token: (token) => toFrame({ type: PAGE_TO_FRAME.token, token }),
      failed(message) {
        console.error(`[ASAP] the page's login callback failed: ${message}`);
        toFrame({ type: PAGE_TO_FRAME.tokenFailed, message });
        events.emit("loginFailed", { code: WIDGET_ERROR_CODES.TOKEN_UNAVAILABLE, message, hint: "" });
      },
    });
  }

  frame.listen((message) => {
    const forTabs = frameToTabs(message);
    switch (message.type) {
      case FRAME_TO_PAGE.ready:
        widget.brand(message);
        frameReady = true;
        frame.post({ type: PAGE_TO_FRAME.init, saved: store.load(), visit: store.loadVisit() });
        pending.splice(0).forEach(toFrame);
        break;
      case FRAME_TO_PAGE.needToken:
        requestToken();
        break;
      case FRAME_TO_PAGE.session:
        // A different person now: the previous one's session is revoked, and what they left goes.
        revoke(store.save({ session: message.session, contact: message.contact }));
        current = message.session;
        break;
      case FRAME_TO_PAGE.keepVisit:
        store.saveVisit(message.visit);
        break;
      case FRAME_TO_PAGE.forget:
        store.clear();
        current = null;
        tokens.drop();
        break;
      case FRAME_TO_PAGE.loginFailed:
        console.error(`[ASAP] login failed: ${message.error.code}: ${message.error.message} ${message.error.hint}`);
        events.emit("loginFailed", message.error);
        break;
      case FRAME_TO_PAGE.refreshing:
        if (current) events.emit("sessionExpiring", { expiresAt: current.expiresAt, inSeconds: Math.max(0, Math.round((current.localExpiresAt - Date.now()) / 1000)) });
        break;
      case FRAME_TO_PAGE.identity: {
        const email = message.contact?.email ?? null;
        if (email === signedInAs) break;
        if (signedInAs !== null) events.emit("signedOut", { reason: loggingOut ? "logout" : "ended" });
        signedInAs = email;
        loggingOut = false;
        if (message.contact) events.emit("signedIn", { contact: message.contact });
        break;
      }
      case FRAME_TO_PAGE.close:
        widget.setOpen(false);
        widget.focus();
        break;
    }
    if (forTabs) tabs.post(forTabs);
  });
  tabs.listen((message) => {
    const forFrame = tabToFrame(message);
    if (forFrame.type === PAGE_TO_FRAME.peerLogout) tokens.drop(); // a token asked for before it is stale now
    toFrame(forFrame);
  });

  const api: AsapApi = {
    __sdk: true,
    on: events.on,
    off: events.off,
    invoke(action, argument) {
      switch (action) {
        case "login":
          if (typeof argument !== "function") throw new TypeError('ZohoDeskAsap.invoke("login", callback): callback must be a function');
          // Until the frame is ready, its `init` will carry what the store holds now: when the frame
          // cannot resume that, it will ask for a token as soon as it has this login, so ask the
          // page's callback now, while it loads. (An add-on not in JWT mode never asks: unused then.)
          tokens.login(argument as LoginCallback, !frameReady && !resumable(store.load()?.session ?? null, Date.now()));
          toFrame({ type: PAGE_TO_FRAME.login });
          return;
        case "logout":
          // Forget everything at once, even before the frame has loaded, but first hand the frame
          // the stored session to revoke: after a silent sign-out (an expired site cookie, then a
          // reload) this page's storage is the only place that still knows it.
          tokens.logout();
          loggingOut = signedInAs !== null;
          revoke(store.load());
          store.clear();
          toFrame({ type: PAGE_TO_FRAME.logout });
          return;
        case "open":
          return widget.setOpen(true);
        case "close":
          return widget.setOpen(false);
        default:
          throw new Error(`ZohoDeskAsap.invoke: unknown action "${String(action)}"`);
      }
    },
  };

  widget.attach();
  globals.ZohoDeskAsap = api;

  // Run the callbacks queued before the SDK loaded, then call later ones at once.
  const queued = globals.ZohoDeskAsap__asyncalls ?? [];
  globals.ZohoDeskAsap__asyncalls = null;
  globals.ZohoDeskAsapReadyStatus = true;
  const run = (callback: unknown) => {
    if (typeof callback === "function") callback();
  };
  globals.ZohoDeskAsapReady = run;
  queued.forEach(run);
}

start();
