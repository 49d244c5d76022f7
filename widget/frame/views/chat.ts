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

/** Live chat with an agent: one chat per person, kept while the widget is open. */
export function createChat(ctx: ViewContext) {
  let chat = newChat();

  const chatHeaders = (): Record<string, string> => (chat.token ? { [CHAT_TOKEN_HEADER]: chat.token } : {});
  // A guest reads the chat's files by its token, a signed-in person by their session.
  const readerHeaders = () => ({ ...chatHeaders(), ...bearerHeaders(ctx) });

  function messageItem(message: ChatMessage) {
    return el("li", { class: message.from.kind === "agent" ? "from-agent" : "from-me" }, [
      el("p", { class: "meta", text: message.from.kind === "agent" ? message.from.name : "You" }),
      message.body ? paragraphs(message.body) : null,
      attachmentList(message.attachments, readerHeaders),
    ]);
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
    fetch(chatEventsUrl(chat.id), { headers, signal: controller.signal })
      .then(async (response) => {
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
    if (!chat.id) {
      const fields = ctx.signedIn() ? [] : [field("Your name", "name", { max: 100 })];
      fields.push(field("Message", "message", { multiline: true, rows: 3, max: 4000 }));
      return el("div", { class: "stack" }, [
        el("h2", { text: "Chat with us" }),
        el("p", { class: "muted", text: ctx.signedIn() ? "Your chats are kept in your history." : "An agent usually answers within minutes." }),
        form(fields, "Start chat", async (data) => {
          const body = await ctx.api<NewChatAnswer>("chat/sessions", { method: "POST", body: data, auth: ctx.signedIn() });
          chat.id = body.chat.id;
          chat.token = body.visitorToken ?? null;
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
          await ctx.api<NewMessageAnswer>(`chat/sessions/${id}/messages`, { method: "POST", body: data, auth: ctx.signedIn(), headers: chatHeaders() });
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
      ratingPanel(ctx, { path: `chat/sessions/${encodeURIComponent(id)}`, what: "chat", auth: ctx.signedIn(), headers: chatHeaders }),
      el("button", { type: "button", onclick: startOver, text: "Start a new chat" }),
    ]);
  }

  function startOver() {
    reset();
    ctx.rerender();
  }

  /** A different person now: nothing of the previous one's chat stays on screen. */
  function reset() {
    chat.stream?.abort();
    chat = newChat();
  }

  return { view, reset };
}
