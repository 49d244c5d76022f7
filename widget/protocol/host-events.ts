import type { Contact } from "./messages";
import type { WidgetError } from "./errors";

/**
 * What the SDK tells the business's page, through `ZohoDeskAsap.on(name, listener)`: the events'
 * names and payloads, spelled here and nowhere else.
 *
 * - `signedIn`: the widget has a session for a person (after a login, or a change of person; not
 *   after each silent refresh of the same person's session).
 * - `signedOut`: the widget's session ended: the page logged out (`"logout"`), or the Desk ended it,
 *   or another tab did (`"ended"`).
 * - `loginFailed`: a login failed, with the Desk's stable code, message and hint; `TOKEN_UNAVAILABLE`
 *   when the page's own login callback gave no credential.
 * - `sessionExpiring`: the session ends in about a minute and the widget is renewing it through the
 *   page's login callback now; if the app's own sign-in has lapsed, this is the moment to notice.
 */
export const HOST_EVENTS = ["signedIn", "signedOut", "loginFailed", "sessionExpiring"] as const;
export type HostEventName = (typeof HOST_EVENTS)[number];

export type HostEventPayloads = {
  signedIn: { contact: Pick<Contact, "name" | "email"> };
  signedOut: { reason: "logout" | "ended" };
  loginFailed: WidgetError;
  sessionExpiring: { expiresAt: string; inSeconds: number };
};

export type HostEventListener<N extends HostEventName> = (payload: HostEventPayloads[N]) => void;

export const isHostEventName = (name: unknown): name is HostEventName => (HOST_EVENTS as readonly unknown[]).includes(name);
