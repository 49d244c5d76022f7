/**
 * A non-browser ASAP client, as a mobile app would write one: it signs in with the JWT its own
 * backend minted, then uses the Desk's HTTP API with the session's bearer. Standalone on purpose
 * (fetch, plus eventsource-parser for the chat's Server-Sent Events): copy it into your app.
 *
 * The API's full contract is the OpenAPI document the Desk serves at /desk/api/asap/v1/openapi.json.
 */
import { createParser } from "eventsource-parser";

export type Contact = { id: string; email: string; name: string };
export type Ticket = { id: string; number: number; subject: string; description: string; status: string; priority: string; createdAt: string; identityVerified: boolean };
export type ChatMessage = { id: string; body: string; createdAt: string; from: { kind: "agent"; name: string } | { kind: "visitor" } };

/** A refusal from the Desk, with its stable code (see the README's error table). */
export class DeskError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "DeskError";
  }
}

const API_PATH = "/desk/api/asap/v1/";

export class DeskClient {
  private bearer: string | null = null;
  private sessionEndsAt = 0;

  constructor(
    private readonly deskUrl: string,
    private readonly addonId: string,
  ) {}

  /** Exchanges a freshly minted JWT for a Desk session. Mint a new JWT for every login: each jti works once. */
  async login(jwt: string): Promise<Contact> {
    const answer = await this.call<{ session: { token: string; expiresInSeconds: number }; contact: Contact }>("login", {
      method: "POST",
      body: { addonId: this.addonId, token: jwt },
    });
    this.bearer = answer.session.token;
    // The Desk says how long, relative to now: a device's clock may be far off.
    this.sessionEndsAt = Date.now() + answer.session.expiresInSeconds * 1000;
    return answer.contact;
  }

  /** Whether the session needs renewing (a minute early), by this device's own clock. */
  sessionEndingSoon(now = Date.now()): boolean {
    return !this.bearer || now > this.sessionEndsAt - 60_000;
  }

  async logout(): Promise<void> {
    if (!this.bearer) return;
    await this.call("logout", { method: "POST", auth: true });
    this.bearer = null;
  }

  async tickets(status?: "open" | "on_hold" | "closed"): Promise<Ticket[]> {
    return (await this.call<{ tickets: Ticket[] }>(`tickets${status ? `?status=${status}` : ""}`, { auth: true })).tickets;
  }

  /** `idempotencyKey`: reuse it when retrying after a lost answer, and the Desk creates one ticket. */
  async createTicket(ticket: { subject: string; description: string; priority?: string }, idempotencyKey = crypto.randomUUID()): Promise<Ticket> {
    const answer = await this.call<{ ticket: Ticket }>("tickets", { method: "POST", body: ticket, auth: true, headers: { "Idempotency-Key": idempotencyKey } });
    return answer.ticket;
  }

  async startChat(message: string): Promise<{ id: string; status: string }> {
    return (await this.call<{ chat: { id: string; status: string } }>("chat/sessions", { method: "POST", body: { message }, auth: true })).chat;
  }

  async sendChatMessage(chatId: string, body: string): Promise<ChatMessage> {
    return (await this.call<{ message: ChatMessage }>(`chat/sessions/${encodeURIComponent(chatId)}/messages`, { method: "POST", body: { body }, auth: true })).message;
  }

  /**
   * Follows a chat's messages as they arrive, until `signal` aborts. The Desk ends a stream now and
   * then; this reconnects with Last-Event-ID, so nothing is missed or repeated.
   */
  async followChat(chatId: string, onMessage: (message: ChatMessage) => void, signal: AbortSignal): Promise<void> {
    let lastEventId: string | undefined;
    while (!signal.aborted) {
      try {
        const response = await fetch(new URL(`${API_PATH}chat/sessions/${encodeURIComponent(chatId)}/events`, this.deskUrl), {
          headers: { ...this.authorization(), Accept: "text/event-stream", ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) },
          signal,
        });
        if (!response.ok || !response.body) throw await refusal(response);
        const parser = createParser({
          onEvent: (event) => {
            if (event.event !== "message") return;
            lastEventId = event.id;
            onMessage(JSON.parse(event.data) as ChatMessage);
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.feed(chunk.value);
      } catch (error) {
        if (signal.aborted) return;
        // A refusal (the session ended, the chat is not ours) will not mend by retrying.
        if (error instanceof DeskError) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  private authorization(): Record<string, string> {
    return this.bearer ? { Authorization: `Bearer ${this.bearer}` } : {};
  }

  private async call<Answer>(path: string, options: { method?: string; body?: unknown; auth?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
    if (options.auth && !this.bearer) throw new Error("Log in first: this call needs the Desk session.");
    const response = await fetch(new URL(API_PATH + path, this.deskUrl), {
      method: options.method ?? "GET",
      headers: {
        Accept: "application/json",
        ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(options.auth ? this.authorization() : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) throw await refusal(response);
    return (response.status === 204 ? null : await response.json()) as Answer;
  }
}

async function refusal(response: Response): Promise<DeskError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; hint?: string } } | null;
  return new DeskError(response.status, body?.error?.code ?? "UNKNOWN", body?.error?.message ?? `The Desk answered ${response.status}.`, body?.error?.hint ?? "");
}
