/**
 * The one place messages cross a boundary. A window port posts only to the peer's exact origin and
 * hears only messages whose event.origin and event.source are that peer's, parsed by the receiving
 * side's table; a tab port does the same over the page's BroadcastChannel.
 */
import type { MessageOf } from "./messages";
import { parseMessage, type Parsers } from "./parse";

export type Port<In, Out> = {
  post(message: MessageOf<Out>): void;
  /** Calls `handler` with every accepted message until the returned function is called. */
  listen(handler: (message: MessageOf<In>) => void): () => void;
};

type MessageHost = Pick<Window, "addEventListener" | "removeEventListener">;

/** Throws unless `origin` is a real serialized origin: never "*" or "null", never a path. */
export function exactOrigin(origin: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(origin);
  } catch {
    // not a URL at all
  }
  if (!parsed || parsed.origin === "null" || parsed.origin !== origin) throw new Error(`[ASAP] not an exact origin: ${JSON.stringify(origin)}`);
  return origin;
}

export function windowPort<In, Out>(options: {
  /** The window whose "message" events we hear (our own). */
  host: MessageHost;
  /** The peer's window; null while there is none (messages are then dropped both ways). */
  peer: () => Window | null;
  peerOrigin: string;
  accepts: Parsers<In>;
}): Port<In, Out> {
  const peerOrigin = exactOrigin(options.peerOrigin);
  return {
    post(message) {
      options.peer()?.postMessage(message, peerOrigin);
    },
    listen(handler) {
      const onMessage = (event: MessageEvent) => {
        const peer = options.peer();
        if (!peer || event.origin !== peerOrigin || event.source !== peer) return;
        const message = parseMessage(options.accepts, event.data);
        if (message) handler(message);
      };
      options.host.addEventListener("message", onMessage);
      return () => options.host.removeEventListener("message", onMessage);
    },
  };
}

type Channel = Pick<BroadcastChannel, "postMessage" | "addEventListener" | "removeEventListener">;

/** The page's tabs, over a BroadcastChannel (same origin by definition); a no-op without one. */
export function channelPort<In, Out>(channel: Channel | null, accepts: Parsers<In>): Port<In, Out> {
  return {
    post(message) {
      channel?.postMessage(message);
    },
    listen(handler) {
      if (!channel) return () => {};
      const onMessage = (event: MessageEvent) => {
        const message = parseMessage(accepts, event.data);
        if (message) handler(message);
      };
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}
