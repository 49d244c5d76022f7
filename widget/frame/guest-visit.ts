/**
 * What the widget keeps of a guest's visit, so it survives a sign-in on the page (which reloads the
 * frame): the open chat and the receipts of tickets sent as a guest. The frame often has no storage
 * of its own (browsers deny it to third-party frames), so, like the session, it is kept by the SDK
 * in the page's sessionStorage (pageBackedStorage): this tab, until it closes.
 *
 * The next person at the same tab inherits what is here, which is why the Desk links a guest chat at
 * once only when the guest's email is the signed-in one, and a ticket only when the person confirms. And it is bounded:
 * tickets' receipts for a week and twenty at most; the SDK drops it at a logout and when another
 * person signs in, and the frame once it was offered to someone who then leaves.
 */

import { RECEIPT_LIFETIME_MS } from "@/lib/contract/desk-api/wire";
/** The chat on screen: a guest's holds its token; a signed-in person's (`owner`) needs none. */
export type KeptChat = { chatId: string; token: string | null; owner: string | null; savedAt: number };
export type TicketReceipt = { ticketId: string; token: string; savedAt: number };
export type GuestVisit = { chat: KeptChat | null; tickets: TicketReceipt[] };

export const MAX_TICKET_RECEIPTS = 20;
export { RECEIPT_LIFETIME_MS };
export const EMPTY_VISIT: GuestVisit = { chat: null, tickets: [] };

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 200;
/** As the Desk hands them out (32 random bytes, base64url): one malformed entry must not spoil the whole check. */
const isGuestToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
const fresh = (savedAt: unknown, now: number): savedAt is number => typeof savedAt === "number" && savedAt <= now && now - savedAt < RECEIPT_LIFETIME_MS;

/** Whatever was stored, as a GuestVisit: anything malformed or stale is dropped, never trusted. */
export function parseVisit(value: unknown, now: number): GuestVisit {
  const raw = (value ?? {}) as { chat?: Partial<KeptChat> | null; tickets?: unknown };
  const chat = raw.chat;
  const keptChat =
    chat && isString(chat.chatId) && (chat.token === null || isGuestToken(chat.token)) && (chat.owner === null || isString(chat.owner)) && fresh(chat.savedAt, now)
      ? { chatId: chat.chatId, token: chat.token, owner: chat.owner, savedAt: chat.savedAt }
      : null;
  const receipts = (Array.isArray(raw.tickets) ? (raw.tickets as Array<Partial<TicketReceipt>>) : [])
    .filter((t): t is TicketReceipt => Boolean(t) && isString(t.ticketId) && isGuestToken(t.token) && fresh(t.savedAt, now))
    .map(({ ticketId, token, savedAt }) => ({ ticketId, token, savedAt }));
  // One receipt per ticket, the newest: the Desk refuses a request naming a ticket twice.
  const tickets = [...new Map(receipts.map((t) => [t.ticketId, t])).values()].slice(-MAX_TICKET_RECEIPTS);
  return { chat: keptChat, tickets };
}

/** One more receipt: the newest for a ticket replaces an older one, and only the last twenty stay. */
export function withReceipt(visit: GuestVisit, receipt: TicketReceipt): GuestVisit {
  return { ...visit, tickets: [...visit.tickets.filter((t) => t.ticketId !== receipt.ticketId), receipt].slice(-MAX_TICKET_RECEIPTS) };
}

export function withoutReceipts(visit: GuestVisit, ticketIds: readonly string[]): GuestVisit {
  return { ...visit, tickets: visit.tickets.filter((t) => !ticketIds.includes(t.ticketId)) };
}

export type GuestVisitStore = {
  read(): GuestVisit;
  update(change: (visit: GuestVisit) => GuestVisit): GuestVisit;
  clear(): void;
};

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The visit kept under the add-on's key; with no storage (or one that throws), in memory only. */
export function guestVisitStore(storage: KeyValueStorage | null, addonId: string, now: () => number = Date.now): GuestVisitStore {
  const key = `asap-guest-visit:${addonId}`;
  let memory: GuestVisit = EMPTY_VISIT;

  function read(): GuestVisit {
    try {
      const stored = storage?.getItem(key);
      if (stored != null) return parseVisit(JSON.parse(stored), now());
    } catch {
      // unreadable or denied: what memory holds
    }
    return parseVisit(memory, now());
  }

  function write(visit: GuestVisit) {
    memory = visit;
    try {
      storage?.setItem(key, JSON.stringify(visit));
    } catch {
      // denied or full: kept in memory for this page
    }
  }

  return {
    read,
    update(change) {
      const next = change(read());
      write(next);
      return next;
    },
    clear() {
      memory = EMPTY_VISIT;
      try {
        storage?.removeItem(key);
      } catch {
        // nothing was kept
      }
    },
  };
}

/**
 * Storage the page keeps for the frame: what the SDK handed over in `init` (seed), and every change
 * sent back to it (`keep`). One key, the visit's; read before `init` arrives, it is empty.
 */
export function pageBackedStorage(keep: (json: string | null) => void): KeyValueStorage & { seed(json: string | null): void } {
  let json: string | null = null;
  return {
    seed(value) {
      json = value;
    },
    getItem: () => json,
    setItem(_key, value) {
      json = value;
      keep(value);
    },
    removeItem() {
      json = null;
      keep(null);
    },
  };
}
