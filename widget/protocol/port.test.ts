import { describe, expect, it, vi } from "vitest";
import { FRAME_TO_PAGE, PAGE_TO_FRAME, TAB_TO_TAB, type FrameToPagePayloads, type PageToFramePayloads, type TabPayloads } from "./messages";
import { ACCEPTED_BY_FRAME, ACCEPTED_BY_PAGE, ACCEPTED_FROM_TABS, MAX_VISIT_LENGTH, parseMessage } from "./parse";
import { channelPort, exactOrigin, windowPort } from "./port";

const PAGE = "https://app.example.com";
const bearer = "b".repeat(43);

/** A window that hears "message" events we dispatch by hand, and a peer window that records posts. */
function windows() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const host = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.delete(listener),
  } as unknown as Window;
  const peer = { postMessage: vi.fn() } as unknown as Window & { postMessage: ReturnType<typeof vi.fn> };
  const deliver = (event: { origin: string; source: unknown; data: unknown }) => listeners.forEach((listener) => listener(event as MessageEvent));
  return { host, peer, deliver, listeners };
}

function framePort() {
  const w = windows();
  const port = windowPort<PageToFramePayloads, FrameToPagePayloads>({ host: w.host, peer: () => w.peer, peerOrigin: PAGE, accepts: ACCEPTED_BY_FRAME });
  const heard = vi.fn();
  const stop = port.listen(heard);
  return { ...w, port, heard, stop };
}

describe("windowPort", () => {
  it("posts to the peer's exact origin, never to *", () => {
    const { port, peer } = framePort();
    port.post({ type: FRAME_TO_PAGE.ready });
    expect(peer.postMessage).toHaveBeenCalledWith({ type: FRAME_TO_PAGE.ready }, PAGE);
  });

  it("hears only its peer: the right origin and the right window", () => {
    const { deliver, peer, heard } = framePort();
    const message = { type: PAGE_TO_FRAME.login };
    deliver({ origin: "https://evil.example", source: peer, data: message });
    deliver({ origin: PAGE, source: {}, data: message }); // another window of the same origin
    deliver({ origin: PAGE, source: null, data: message });
    expect(heard).not.toHaveBeenCalled();
    deliver({ origin: PAGE, source: peer, data: message });
    expect(heard).toHaveBeenCalledWith(message);
  });

  it("drops unknown types, the other direction's types and payloads of the wrong shape", () => {
    const { deliver, peer, heard } = framePort();
    for (const data of [null, "asap:login", { type: "asap:nope" }, { type: FRAME_TO_PAGE.session }, { type: PAGE_TO_FRAME.token, token: 42 }, { type: "toString" }]) {
      deliver({ origin: PAGE, source: peer, data });
    }
    expect(heard).not.toHaveBeenCalled();
  });

  it("stops hearing once its listener is removed", () => {
    const { stop, listeners } = framePort();
    stop();
    expect(listeners.size).toBe(0);
  });

  it("refuses to be made with anything but an exact origin", () => {
    for (const origin of ["*", "null", "", "https://app.example.com/", "https://app.example.com/path", "app.example.com"]) {
      expect(() => exactOrigin(origin), origin).toThrow(/not an exact origin/);
    }
    expect(exactOrigin("http://127.0.0.1:3001")).toBe("http://127.0.0.1:3001");
  });
});

describe("channelPort", () => {
  it("relays the page's tabs' messages through the same checks", () => {
    const channel = new EventTarget() as EventTarget & { postMessage: ReturnType<typeof vi.fn> };
    channel.postMessage = vi.fn();
    const port = channelPort<TabPayloads, TabPayloads>(channel as unknown as BroadcastChannel, ACCEPTED_FROM_TABS);
    const heard = vi.fn();
    port.listen(heard);
    channel.dispatchEvent(new MessageEvent("message", { data: { type: TAB_TO_TAB.refreshing, forMs: "15000" } }));
    channel.dispatchEvent(new MessageEvent("message", { data: { type: TAB_TO_TAB.session, session: {} } }));
    expect(heard.mock.calls).toEqual([[{ type: TAB_TO_TAB.refreshing, forMs: 15000 }]]);

    port.post({ type: TAB_TO_TAB.logout });
    expect(channel.postMessage).toHaveBeenCalledWith({ type: TAB_TO_TAB.logout });
  });

  it("is a quiet no-op without a BroadcastChannel", () => {
    const port = channelPort<TabPayloads, TabPayloads>(null, ACCEPTED_FROM_TABS);
    expect(() => port.post({ type: TAB_TO_TAB.logout })).not.toThrow();
    expect(port.listen(() => {})).toBeTypeOf("function");
  });
});

describe("the receivers' checks", () => {
  const saved = { session: { token: bearer, expiresAt: "2030-01-01T00:00:00.000Z", localExpiresAt: 1 }, contact: { id: "c1", name: "Ada", email: "ada@example.com" } };

  it("accept a saved session only whole, and keep only its known fields", () => {
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.init, saved: { ...saved, extra: "<img>" } })).toEqual({ type: PAGE_TO_FRAME.init, saved, visit: null });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.init, saved: { session: saved.session } })).toEqual({ type: PAGE_TO_FRAME.init, saved: null, visit: null });
  });

  it("take a kept guest visit only as text of a bounded size (the frame reads what is inside)", () => {
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.init, saved: null, visit: '{"chat":null}' })).toEqual({ type: PAGE_TO_FRAME.init, saved: null, visit: '{"chat":null}' });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.init, saved: null, visit: { chat: null } })).toEqual({ type: PAGE_TO_FRAME.init, saved: null, visit: null });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.init, saved: null, visit: "x".repeat(MAX_VISIT_LENGTH + 1) })).toEqual({ type: PAGE_TO_FRAME.init, saved: null, visit: null });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.peerSession, session: { ...saved.session, localExpiresAt: "soon" }, contact: saved.contact })).toBeNull();
  });

  it("revoke only what looks like a Desk bearer", () => {
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.revoke, token: bearer })).toEqual({ type: PAGE_TO_FRAME.revoke, token: bearer });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.revoke, token: "a.b.c" })).toBeNull();
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.revoke, token: "short" })).toBeNull();
  });

  it("give the page a login failure only with a code and a message", () => {
    const error = { code: "SIGNATURE_INVALID", message: "No match.", hint: "Use UTF-8." };
    expect(parseMessage(ACCEPTED_BY_PAGE, { type: FRAME_TO_PAGE.loginFailed, error })).toEqual({ type: FRAME_TO_PAGE.loginFailed, error });
    expect(parseMessage(ACCEPTED_BY_PAGE, { type: FRAME_TO_PAGE.loginFailed, error: { code: "X", message: "m" } })?.type).toBe(FRAME_TO_PAGE.loginFailed);
    expect(parseMessage(ACCEPTED_BY_PAGE, { type: FRAME_TO_PAGE.loginFailed, error: "boom" })).toBeNull();
  });

  it("read a missing or odd refusal reason as none, and an odd wait as no wait", () => {
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.tokenFailed, message: { toString: 1 } })).toEqual({ type: PAGE_TO_FRAME.tokenFailed, message: "" });
    expect(parseMessage(ACCEPTED_BY_FRAME, { type: PAGE_TO_FRAME.peerRefreshing, forMs: "lots" })).toEqual({ type: PAGE_TO_FRAME.peerRefreshing, forMs: 0 });
  });
});
