import { AsapDeskError, deskErrorFromAnswer, deskUnreachable, TOOLKIT_CODES } from "./desk-error.js";
import type {
  AddKeyInput,
  AddKeyResult,
  ByEmailQuery,
  ChatsResult,
  ClockResult,
  CreateAddonInput,
  CreateAddonResult,
  ExplainInput,
  ExplainResult,
  LoginEventsQuery,
  LoginEventsResult,
  ResetResult,
  RevokeKeyResult,
  RotateKeyInput,
  RotateKeyResult,
  SetClockInput,
  TicketsResult,
} from "./desk-types.js";

/** Where the control API lives under the Desk's URL. */
export const CONTROL_PATH = "/desk/api/test-control/v1/";

export type AsapDeskOptions = {
  /** The Desk simulator's base URL, e.g. `http://127.0.0.1:4010` (a path prefix is kept). */
  url: string;
  /** The simulator's `DESK_TEST_CONTROL_TOKEN`. */
  token: string;
  /** Defaults to the global fetch (Node ≥ 18). */
  fetch?: typeof fetch;
};

/** The Desk simulator's test-control API, one method per call; every answer as the Desk sent it. */
export type AsapDesk = {
  readonly url: string;
  /** Everything back to the simulator's config: tickets, chats, contacts, sessions, the login log and extra add-ons go; clock offset 0. */
  reset(): Promise<ResetResult>;
  /** A new add-on with one key: the one given, or a fresh one whose secret the answer holds. */
  createAddon(input: CreateAddonInput): Promise<CreateAddonResult>;
  addKey(addonId: string, input?: AddKeyInput): Promise<AddKeyResult>;
  /** Refuses the key's tokens at once and ends the sessions it made at their next use. */
  revokeKey(addonId: string, kid: string): Promise<RevokeKeyResult>;
  rotateKey(addonId: string, kid: string, input?: RotateKeyInput): Promise<RotateKeyResult>;
  /** The add-on's login log, newest first. */
  loginEvents(addonId: string, query?: LoginEventsQuery): Promise<LoginEventsResult>;
  /** Tickets, newest first. */
  tickets(query?: ByEmailQuery): Promise<TicketsResult>;
  /** Chats, newest first. */
  chats(query?: ByEmailQuery): Promise<ChatsResult>;
  getClock(): Promise<ClockResult>;
  /** Moves the IAM's clock: tokens and session lifetimes are judged as if it were `now + offsetSeconds`. */
  setClock(input: SetClockInput): Promise<ClockResult>;
  /** The portal debugger's check-by-check report on a token; spends no jti and logs nothing. */
  explain(input: ExplainInput): Promise<ExplainResult>;
};

type Call = { method: "GET" | "POST" | "PUT"; path: string; query?: Record<string, string | undefined>; body?: unknown };

const segment = encodeURIComponent;

/** A client for the Desk simulator's test-control API (docs/test-control-api.md). Failures throw `AsapDeskError`. */
export function asapDesk(options: AsapDeskOptions): AsapDesk {
  if (!options.url) throw new TypeError("asapDesk: no Desk URL; set ASAP_DESK_URL or pass { url }.");
  if (!options.token) throw new TypeError("asapDesk: no control token; set ASAP_DESK_CONTROL_TOKEN (the simulator's DESK_TEST_CONTROL_TOKEN) or pass { token }.");
  const base = options.url.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function call<T>({ method, path, query, body }: Call): Promise<T> {
    const url = new URL(`${base}${CONTROL_PATH}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const request = `${method} ${url.pathname}${url.search}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { authorization: `Bearer ${options.token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Never follow: a redirect would re-send the body (key secrets, tokens) to wherever it points.
        redirect: "manual",
      });
    } catch (cause) {
      throw deskUnreachable(request, base, cause);
    }
    const text = await response.text();
    if (!response.ok) throw deskErrorFromAnswer(request, response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AsapDeskError(request, response.status, {
        code: TOOLKIT_CODES.unexpected,
        message: `The answer is not JSON: ${JSON.stringify(text.slice(0, 120))}.`,
        hint: "Check that the URL names the Desk simulator, not another server.",
      });
    }
  }

  const addon = (addonId: string) => `addons/${segment(addonId)}`;
  const key = (addonId: string, kid: string) => `${addon(addonId)}/keys/${segment(kid)}`;

  return {
    url: base,
    reset: () => call({ method: "POST", path: "reset", body: {} }),
    createAddon: (input) => call({ method: "POST", path: "addons", body: input }),
    addKey: (addonId, input = {}) => call({ method: "POST", path: `${addon(addonId)}/keys`, body: input }),
    revokeKey: (addonId, kid) => call({ method: "POST", path: `${key(addonId, kid)}/revoke`, body: {} }),
    rotateKey: (addonId, kid, input = {}) => call({ method: "POST", path: `${key(addonId, kid)}/rotate`, body: input }),
    loginEvents: (addonId, query = {}) => call({ method: "GET", path: `${addon(addonId)}/login-events`, query }),
    tickets: (query = {}) => call({ method: "GET", path: "tickets", query }),
    chats: (query = {}) => call({ method: "GET", path: "chats", query }),
    getClock: () => call({ method: "GET", path: "clock" }),
    setClock: (input) => call({ method: "PUT", path: "clock", body: input }),
    explain: (input) => call({ method: "POST", path: "explain", body: input }),
  };
}
