import { createParser } from "eventsource-parser";
import type { ChatMessage, NewChatAnswer, NewMessageAnswer } from "@/lib/contract/desk-api/chat";
import { CHAT_TOKEN_HEADER, ENDED_EVENT, LAST_EVENT_ID_HEADER, MESSAGE_EVENT } from "@/lib/contract/desk-api/wire";
import { chatEventsUrl } from "../desk-api";
import { el, paragraphs } from "../dom";
import { attachmentList, bearerHeaders, filesField } from "./attachments";
import type { ViewContext } from "./context";
import { field, form } from "./forms";
import { ratingPanel } from "./rating";

type ChatState = {
  id: string | null;
  token: string | null;
  messages: ChatMessage[];
  /** An agent ended it: no more messages, and it may be rated. */
  ended: boolean;
  stream: AbortController | null;
  log: HTMLOListElement | null;
  /** The chat view on screen, redrawn in place when the chat ends. */
  root: HTMLElement | null;
};

const newChat = (): ChatState => ({ id: null, token: null, messages: [], ended: false, stream: null, log: null, root: null });

const RECONNECT_MS = 2000;

/** The data of each chat message event in a server-sent events stream, fed in chunks of any size, and its end. */
export function sseMessages(onMessage: (data: string) => void, onEnded: () => void = () => {}): (chunk: string) => void {
  const parser = createParser({
    onEvent: (event) => {
      if (event.event === MESSAGE_EVENT) onMessage(event.data);
      else if (event.event === ENDED_EVENT) onEnded();
    },
  });
  return (chunk) => parser.feed(chunk);
}

/** What the chat module tells the rest of the widget: a guest chat joined the account, or is no longer this browser's. */
export type ChatContinuity = { linked(chatId: string): void; forget(chatId: string): void };

/**
 * Live chat with an agent: one chat per person, kept in this browser (../guest-visit) so a page
 * change or a sign-in on the page does not lose it.
 */
export function createChat(ctx: ViewContext) {
  let chat = newChat();

  // A guest chat is reached by its token alone, even once someone is signed in: until it is linked
  // to their account (./continuity), the session does not open it. A linked or signed-in chat by the session.
  const chatHeaders = (): Record<string, string> => (chat.token ? { [CHAT_TOKEN_HEADER]: chat.token } : bearerHeaders(ctx));
  const byToken = () => chat.token !== null;
  const readerHeaders = chatHeaders;

  function messageItem(message: ChatMessage) {
    if (message.from.kind === "system") {
      // The Desk's own notice (e.g. the guest signed in): set apart, nobody's words.
      return el("li", { class: "from-desk" }, [el("p", { class: "meta", text: "Notice" }), paragraphs(message.body)]);
    }
    return el("li", { class: message.from.kind === "agent" ? "from-agent" : "from-me" }, [
      el("p", { class: "meta", text: message.from.kind === "agent" ? message.from.name : "You" }),
      message.body ? paragraphs(message.body) : null,
      attachmentList(message.attachments, readerHeaders),
    ]);
  }

  /** Keeps the chat on screen in this browser: a guest's with its token, a signed-in person's under their email. */
  function keep() {
    const { id, token } = chat;
    ctx.visit.update((visit) => ({ ...visit, chat: id ? { chatId: id, token, owner: token ? null : ctx.contactEmail(), savedAt: Date.now() } : null }));
  }

  /** The chat this browser kept, if it is this person's to see: a guest's by its token, or their own. */
  function restore() {
    const kept = ctx.visit.read().chat;
    if (!kept || (kept.token === null && kept.owner !== ctx.contactEmail())) return;
    chat.id = kept.chatId;
    chat.token = kept.token;
  }

  function received(message: ChatMessage) {
    if (chat.messages.some((m) => m.id === message.id)) return;
    chat.messages.push(message);
    // Append in place: re-rendering would wipe what the visitor is typing.
    if (chat.log?.isConnected) {
      chat.log.querySelector(".waiting")?.remove();
      chat.log.appendChild(messageItem(message));
    }
  }

  /** The agent ended the chat: stop listening, and redraw the view, if it is on screen, to offer a rating. */
  function ended() {
    chat.ended = true;
    chat.stream?.abort();
    if (chat.root?.isConnected) chat.root.replaceWith(view());
  }

  function listen() {
    if (chat.stream || !chat.id || chat.ended) return;
    const controller = new AbortController();
    chat.stream = controller;
    const last = chat.messages.at(-1)?.id;
    const headers = { ...readerHeaders(), ...(last ? { [LAST_EVENT_ID_HEADER]: last } : {}) };
    const feed = sseMessages((data) => received(JSON.parse(data) as ChatMessage), ended);
    const id = chat.id;
    fetch(chatEventsUrl(id), { headers, signal: controller.signal })
      .then(async (response) => {
        // Not (or no longer) this browser's to read: a kept chat whose token was spent elsewhere.
        if (response.status === 404) return forget(id);
        if (!response.body) return;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) return;
          feed(chunk.value);
        }
      })
      .catch(() => {})
      .finally(() => {
        // The server ends streams now and then; pick up where we were.
        if (chat.stream === controller) chat.stream = null;
        if (!controller.signal.aborted) setTimeout(listen, RECONNECT_MS);
      });
  }

  function view(): HTMLElement {
    if (!chat.id) restore();
    if (chat.id && !chat.stream && !chat.ended) listen();
    if (!chat.id) {
      // A guest's email is optional: given, it lets their chat join their account if they sign in with it.
      const fields = ctx.signedIn() ? [] : [field("Your name", "name", { max: 100 }), field("Email (optional)", "email", { type: "email", max: 254 })];
      fields.push(field("Message", "message", { multiline: true, rows: 3, max: 4000 }));
      return el("div", { class: "stack" }, [
        el("h2", { text: "Chat with us" }),
        el("p", { class: "muted", text: ctx.signedIn() ? "Your chats are kept in your history." : "An agent usually answers within minutes." }),
        form(fields, "Start chat", async (data) => {
          const { email, ...rest } = data;
          const body = await ctx.api<NewChatAnswer>("chat/sessions", { method: "POST", body: email ? { ...rest, email } : rest, auth: ctx.signedIn() });
          chat.id = body.chat.id;
          chat.token = body.visitorToken ?? null;
          keep();
          listen();
          ctx.rerender();
        }),
      ]);
    }
    const log = el("ol", { class: "thread chat", "aria-label": "Chat messages", "aria-live": "polite" }, chat.messages.map(messageItem));
    if (!chat.messages.length) log.appendChild(el("li", { class: "muted waiting", text: "Connecting…" }));
    chat.log = log;
    const id = chat.id;
    if (chat.ended) return (chat.root = endedView(id, log));
    return (chat.root = el("div", { class: "stack" }, [
      el("h2", { text: "Chat" }),
      log,
      form(
        [field("Message", "body", { multiline: true, rows: 2, max: 4000 })],
        "Send",
        async (data) => {
          await ctx.api<NewMessageAnswer>(`chat/sessions/${id}/messages`, { method: "POST", body: data, auth: !byToken(), headers: byToken() ? chatHeaders() : {} });
          return "";
        },
        // Uploads need no chat token: the message that names their ids, sent with it, attaches them.
        filesField(ctx),
      ),
    ]));
  }

  function endedView(id: string, log: HTMLOListElement): HTMLElement {
    return el("div", { class: "stack" }, [
      el("h2", { text: "Chat" }),
      log,
      el("p", { class: "note", text: "This chat has ended." }),
      ratingPanel(ctx, { path: `chat/sessions/${encodeURIComponent(id)}`, what: "chat", auth: !byToken(), headers: () => (byToken() ? chatHeaders() : {}) }),
      el("button", { type: "button", onclick: startOver, text: "Start a new chat" }),
    ]);
  }

  function startOver() {
    reset();
    keep();
    ctx.rerender();
  }

  /** A different person now: nothing of the previous one's chat stays on screen. */
  function reset() {
    chat.stream?.abort();
    chat = newChat();
  }

  const onScreen = () => chat.root?.isConnected ?? false;

  /** The guest chat is now the signed-in person's: the same chat, read by the session from where it was (the Desk's notice comes next). */
  function linked(chatId: string) {
    if (chat.id !== chatId) reset();
    chat.id = chatId;
    chat.token = null;
    chat.stream?.abort();
    chat.stream = null;
    keep();
    if (onScreen()) listen();
  }

  /** Not this browser's chat any more (kept separate, spent, or ended elsewhere): off the screen and out of storage. */
  function forget(chatId: string) {
    if (ctx.visit.read().chat?.chatId === chatId) ctx.visit.update((visit) => ({ ...visit, chat: null }));
    if (chat.id !== chatId) return;
    const wasOnScreen = onScreen();
    reset();
    if (wasOnScreen) ctx.rerender();
  }

  const continuity: ChatContinuity = { linked, forget };
  return { view, reset, continuity };
}
