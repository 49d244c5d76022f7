/** The Desk's ASAP API, on this frame's own origin: the session calls and the help-center calls. */
import { DESK_API_PATH } from "@/lib/contract/desk-api/common";
import { IDEMPOTENCY_KEY_HEADER } from "@/lib/contract/desk-api/wire";
import { readErrorBody } from "@/lib/contract/error-body";
import { internalError } from "../protocol/errors";
import type { Contact } from "../protocol/messages";
import { OPAQUE_TOKEN } from "../protocol/parse";
import type { Desk, LoginAnswer, SessionAnswer } from "./session";

const BASE = DESK_API_PATH;

/**
 * The same login callback serves both flows, and the credential's shape says which it is: a user
 * token is one opaque base64url segment, anything else goes as a JWT. So an app still sending user
 * tokens after the legacy flow was switched off hears FLOW_NOT_ENABLED, not TOKEN_MALFORMED.
 */
export function credentialFor(value: string): { token: string } | { userToken: string } {
  return OPAQUE_TOKEN.test(value) ? { userToken: value } : { token: value };
}

/** The JSON body of a successful answer (null for 204); otherwise throws the Desk's error. */
async function sessionJson(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const body: unknown = await response.json();
  if (!response.ok) throw readErrorBody(body) ?? internalError(response.status);
  return body;
}

const isContact = (value: unknown): value is Contact => {
  const contact = value as Partial<Contact> | null;
  return typeof contact?.name === "string" && typeof contact.email === "string";
};

/** Answers of another shape are treated as no answer at all (the widget then says NETWORK). */
function loginAnswer(body: unknown): LoginAnswer {
  const { session, contact } = (body ?? {}) as Partial<LoginAnswer>;
  if (!session || typeof session.token !== "string" || typeof session.expiresAt !== "string" || typeof session.expiresInSeconds !== "number" || !isContact(contact)) {
    throw new TypeError("unexpected login answer");
  }
  return { session: { token: session.token, expiresAt: session.expiresAt, expiresInSeconds: session.expiresInSeconds }, contact };
}

function sessionAnswer(body: unknown): SessionAnswer {
  const { contact, expiresInSeconds } = (body ?? {}) as Partial<SessionAnswer>;
  if (!isContact(contact) || typeof expiresInSeconds !== "number") throw new TypeError("unexpected session answer");
  return { contact, expiresInSeconds };
}

export function deskSessionApi(config: { addonId: string; pageOrigin: string }): Desk {
  return {
    login: (credential) =>
      fetch(`${BASE}login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...credentialFor(credential), addonId: config.addonId, pageOrigin: config.pageOrigin }),
      })
        .then(sessionJson)
        .then(loginAnswer),
    session: (bearer) => fetch(`${BASE}session`, { headers: { Authorization: `Bearer ${bearer}` } }).then(sessionJson).then(sessionAnswer),
    revoke(bearer) {
      fetch(`${BASE}logout`, { method: "POST", keepalive: true, headers: { Authorization: `Bearer ${bearer}` } }).catch(() => {});
    },
  };
}

export type HelpRequest = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Send the signed-in person's bearer. */
  auth?: boolean;
  headers?: Record<string, string>;
  idempotencyKey?: string;
};
/** `Answer` is the contract's type for the path's answer (lib/contract/desk-api). */
export type HelpApi = <Answer>(path: string, request?: HelpRequest) => Promise<Answer>;

/** The help-center calls; failures reject with an Error whose message can be shown as it is. */
export function helpApi(bearer: () => string | null): HelpApi {
  return async <Answer>(path: string, request: HelpRequest = {}) => {
    const token = request.auth ? bearer() : null;
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    if (request.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = request.idempotencyKey;
    const response = await fetch(BASE + path, {
      method: request.method ?? "GET",
      // Public reads may be kept 30 s (max-age); the widget asks again each time, with their ETag, so
      // an article published or unpublished a moment ago is shown or gone at once (a 304 costs little).
      cache: "no-cache",
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    if (!response.ok) throw await refusal(response);
    if (response.status === 204) return null as Answer;
    return (await response.json().catch(() => null)) as Answer;
  };
}

/** A failed answer as an Error whose message can be shown as it is. */
async function refusal(response: Response): Promise<Error> {
  const body: unknown = await response.json().catch(() => null);
  return new Error(readErrorBody(body)?.message || `The help desk answered ${response.status}.`);
}

/** Where files are uploaded (uploadFile adds `?name=`). */
export const attachmentsUrl = `${BASE}attachments`;

export const attachmentUrl = (id: string, variant: "file" | "thumbnail") => `${BASE}attachments/${encodeURIComponent(id)}${variant === "thumbnail" ? "/thumbnail" : ""}`;

/** A file the Desk serves only with credentials (an img or a link cannot send them), as a Blob. */
export async function fetchBlob(url: string, headers: Record<string, string>): Promise<Blob> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw await refusal(response);
  return response.blob();
}

/** The chat's event stream URL (read with fetch, as EventSource cannot send the bearer). */
export const chatEventsUrl = (chatId: string) => `${BASE}chat/sessions/${encodeURIComponent(chatId)}/events`;
