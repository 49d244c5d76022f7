/**
 * The widget's one protocol: every message between the business page (the SDK), the widget frame
 * (the Desk's origin) and the page's other tabs, with its payload, by direction. A message type is
 * spelled here and nowhere else; both ends import these maps, so the compiler checks each of them.
 */
import type { Contact as DeskContact } from "@/lib/contract/desk-api/common";
import type { LauncherBranding } from "./branding";
import type { WidgetError } from "./errors";

/** The person the Desk signed in, as its login and session answers name them (the id is not needed here). */
export type Contact = Pick<DeskContact, "name" | "email"> & Partial<Pick<DeskContact, "id">>;

/**
 * A widget session. `expiresAt` is the server's; `localExpiresAt` is the same moment on this
 * browser's clock, worked out from the server's relative `expiresInSeconds` (a browser clock may be
 * hours off), and is what every timer uses.
 */
export type WidgetSession = { token: string; expiresAt: string; localExpiresAt: number };

/** What the SDK keeps in the page's sessionStorage for the frame (the frame may have no storage). */
export type SavedSession = { session: WidgetSession; contact: Contact };

/** The page (SDK) → the frame. */
export const PAGE_TO_FRAME = {
  /** The SDK's answer to `ready`: the session it kept for this add-on, if any, and the guest visit (keepVisit). */
  init: "asap:init",
  /** The page wants its person signed in (ZohoDeskAsap.invoke("login")). */
  login: "asap:login",
  /** A credential from the page's login callback: a JWT, or a legacy user token. */
  token: "asap:token",
  /** The page's login callback declined (e.g. the app's user has not verified their email). */
  tokenFailed: "asap:token-failed",
  /** The page signed out (ZohoDeskAsap.invoke("logout")). */
  logout: "asap:logout",
  /** A bearer the page stored and is forgetting: only the frame, on the Desk's origin, can revoke it. */
  revoke: "asap:revoke",
  /** Relayed from another tab: it has a fresh session. */
  peerSession: "asap:peer-session",
  /** Relayed from another tab: it logged out. */
  peerLogout: "asap:peer-logout",
  /** Relayed from another tab: it is refreshing the session for all tabs, for up to `forMs`. */
  peerRefreshing: "asap:peer-refreshing",
} as const;

/** The frame → the page (SDK). */
export const FRAME_TO_PAGE = {
  /**
   * The frame listens: the SDK answers with `init` and then sends what it queued. It carries the
   * add-on's launcher branding, which the page learns only from the frame.
   */
  ready: "asap:ready",
  /** Call the page's login callback for a credential. */
  needToken: "asap:need-token",
  /** A new session: keep it, and tell the other tabs. */
  session: "asap:session",
  /** The session ended here: forget it, and tell the other tabs. */
  forget: "asap:forget",
  /** This tab is about to refresh the session: tell the other tabs to wait for it. */
  refreshing: "asap:refreshing",
  /** A login failed: the SDK says why on the page's console, for the integrator. */
  loginFailed: "asap:login-failed",
  /** The person closed the widget from inside it. */
  close: "asap:close",
  /** Who the widget is signed in as now, or nobody: sent when that changes (host events come from it). */
  identity: "asap:identity",
  /**
   * What the frame keeps of a guest's visit (its chat's token, tickets' receipts: JSON, or null to
   * forget it), for the SDK to keep beside the session and hand back in `init`: the frame may have no
   * storage. Nothing the page could not see anyway: it is the business's own help desk.
   */
  keepVisit: "asap:keep-visit",
} as const;

/**
 * Between the page's tabs, over its BroadcastChannel (same origin by definition). The types stay
 * as the first SDK spelled them, so tabs that loaded the SDK before and after an upgrade still agree.
 */
export const TAB_TO_TAB = {
  session: "session",
  logout: "logout",
  refreshing: "refreshing",
} as const;

/** The BroadcastChannel an add-on's tabs share: one per add-on, so two widgets on a page never mix. */
export const tabChannelName = (addonId: string) => `asap:${addonId}`;

type Empty = Record<never, never>;
type RefreshingPayload = { forMs: number };

export type PageToFramePayloads = {
  [PAGE_TO_FRAME.init]: { saved: SavedSession | null; visit: string | null };
  [PAGE_TO_FRAME.login]: Empty;
  [PAGE_TO_FRAME.token]: { token: string };
  [PAGE_TO_FRAME.tokenFailed]: { message: string };
  [PAGE_TO_FRAME.logout]: Empty;
  [PAGE_TO_FRAME.revoke]: { token: string };
  [PAGE_TO_FRAME.peerSession]: SavedSession;
  [PAGE_TO_FRAME.peerLogout]: Empty;
  [PAGE_TO_FRAME.peerRefreshing]: RefreshingPayload;
};

export type FrameToPagePayloads = {
  /** A colour or position the page could not trust is left out: the launcher keeps its default. */
  [FRAME_TO_PAGE.ready]: Partial<LauncherBranding>;
  [FRAME_TO_PAGE.needToken]: Empty;
  [FRAME_TO_PAGE.session]: SavedSession;
  [FRAME_TO_PAGE.forget]: Empty;
  [FRAME_TO_PAGE.refreshing]: RefreshingPayload;
  [FRAME_TO_PAGE.loginFailed]: { error: WidgetError };
  [FRAME_TO_PAGE.close]: Empty;
  [FRAME_TO_PAGE.identity]: { contact: Pick<Contact, "name" | "email"> | null };
  [FRAME_TO_PAGE.keepVisit]: { visit: string | null };
};

export type TabPayloads = {
  [TAB_TO_TAB.session]: SavedSession;
  [TAB_TO_TAB.logout]: Empty;
  [TAB_TO_TAB.refreshing]: RefreshingPayload;
};

/** One direction's map of type → payload, as the discriminated union of its messages. */
export type MessageOf<Payloads> = { [K in keyof Payloads]: { type: K } & Payloads[K] }[keyof Payloads];

export type PageToFrameMessage = MessageOf<PageToFramePayloads>;
export type FrameToPageMessage = MessageOf<FrameToPagePayloads>;
export type TabMessage = MessageOf<TabPayloads>;

/** Every message of the protocol, whichever way it goes. */
export type WidgetMessage =
  | ({ direction: "page→frame" } & PageToFrameMessage)
  | ({ direction: "frame→page" } & FrameToPageMessage)
  | ({ direction: "tab→tab" } & TabMessage);
