/**
 * What each side accepts: for every message type of a direction, a parser from the raw posted data
 * to its payload, or null to drop the message. Nothing a receiver handles skipped these checks.
 */
import { isAccentColor, isLauncherPosition, type LauncherBranding } from "./branding";
import { asWidgetError } from "./errors";
import {
  FRAME_TO_PAGE,
  PAGE_TO_FRAME,
  TAB_TO_TAB,
  type FrameToPagePayloads,
  type MessageOf,
  type PageToFramePayloads,
  type SavedSession,
  type TabPayloads,
} from "./messages";

type Raw = Record<string, unknown>;
export type Parsers<Payloads> = { [K in keyof Payloads]: (raw: Raw) => Payloads[K] | null };

/** A Desk bearer's shape (32 random bytes, base64url); also how a legacy user token looks. */
export const OPAQUE_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const empty = () => ({});
const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null;
const refreshing = (raw: Raw) => ({ forMs: Number(raw.forMs) || 0 });

export function parseSavedSession(value: unknown): SavedSession | null {
  if (!isObject(value) || !isObject(value.session) || !isObject(value.contact)) return null;
  const { token, expiresAt, localExpiresAt } = value.session;
  const { id, name, email } = value.contact;
  if (typeof token !== "string" || !token || typeof expiresAt !== "string" || typeof localExpiresAt !== "number" || !Number.isFinite(localExpiresAt)) return null;
  if (typeof name !== "string" || typeof email !== "string") return null;
  return { session: { token, expiresAt, localExpiresAt }, contact: typeof id === "string" ? { id, name, email } : { name, email } };
}

/** The branding a `ready` carries, keeping only what is valid (so a bad value costs only its look). */
export function parseLauncherBranding(raw: Raw): Partial<LauncherBranding> {
  const branding: Partial<LauncherBranding> = {};
  if (isAccentColor(raw.accentColor)) branding.accentColor = raw.accentColor;
  if (isLauncherPosition(raw.launcherPosition)) branding.launcherPosition = raw.launcherPosition;
  return branding;
}

/** A kept guest visit: JSON text of a bounded size (the frame checks what is inside: ../frame/guest-visit). */
export const MAX_VISIT_LENGTH = 16_384;
const visitJson = (value: unknown): string | null => (typeof value === "string" && value.length <= MAX_VISIT_LENGTH ? value : null);

export const ACCEPTED_BY_FRAME: Parsers<PageToFramePayloads> = {
  [PAGE_TO_FRAME.init]: (raw) => ({ saved: parseSavedSession(raw.saved), visit: visitJson(raw.visit) }),
  [PAGE_TO_FRAME.login]: empty,
  [PAGE_TO_FRAME.token]: (raw) => (typeof raw.token === "string" ? { token: raw.token } : null),
  [PAGE_TO_FRAME.tokenFailed]: (raw) => ({ message: typeof raw.message === "string" ? raw.message : "" }),
  [PAGE_TO_FRAME.logout]: empty,
  [PAGE_TO_FRAME.revoke]: (raw) => (typeof raw.token === "string" && OPAQUE_TOKEN.test(raw.token) ? { token: raw.token } : null),
  [PAGE_TO_FRAME.peerSession]: parseSavedSession,
  [PAGE_TO_FRAME.peerLogout]: empty,
  [PAGE_TO_FRAME.peerRefreshing]: refreshing,
};

export const ACCEPTED_BY_PAGE: Parsers<FrameToPagePayloads> = {
  [FRAME_TO_PAGE.ready]: parseLauncherBranding,
  [FRAME_TO_PAGE.needToken]: empty,
  [FRAME_TO_PAGE.session]: parseSavedSession,
  [FRAME_TO_PAGE.forget]: empty,
  [FRAME_TO_PAGE.refreshing]: refreshing,
  [FRAME_TO_PAGE.loginFailed]: (raw) => {
    const error = asWidgetError(raw.error);
    return error ? { error } : null;
  },
  [FRAME_TO_PAGE.close]: empty,
  [FRAME_TO_PAGE.keepVisit]: (raw) => (raw.visit === null ? { visit: null } : visitJson(raw.visit) === null ? null : { visit: raw.visit as string }),
  [FRAME_TO_PAGE.identity]: (raw) => {
    if (raw.contact === null) return { contact: null };
    if (!isObject(raw.contact) || typeof raw.contact.name !== "string" || typeof raw.contact.email !== "string") return null;
    return { contact: { name: raw.contact.name, email: raw.contact.email } };
  },
};

export const ACCEPTED_FROM_TABS: Parsers<TabPayloads> = {
  [TAB_TO_TAB.session]: parseSavedSession,
  [TAB_TO_TAB.logout]: empty,
  [TAB_TO_TAB.refreshing]: refreshing,
};

/** The message `data` is, if it is one of `parsers`' types with a valid payload; otherwise null. */
export function parseMessage<Payloads>(parsers: Parsers<Payloads>, data: unknown): MessageOf<Payloads> | null {
  if (!isObject(data) || typeof data.type !== "string" || !Object.prototype.hasOwnProperty.call(parsers, data.type)) return null;
  const type = data.type as keyof Payloads;
  const payload = parsers[type](data);
  return payload ? ({ ...payload, type } as MessageOf<Payloads>) : null;
}
