/**
 * What this browser keeps of a guest's visit, so it survives a sign-in on the page (a navigation, a
 * new tab): the open chat and the receipts of tickets sent as a guest. Kept in the frame's own
 * localStorage, on the Desk's origin (browsers partition it per site that embeds the widget), so
 * the business page never sees a guest token; without storage, only in memory.
 *
 * On a shared browser the next person inherits what is here, which is why the Desk links a guest
 * item at once only when the guest's email is the signed-in one, and otherwise asks. And it is
 * bounded: tickets' receipts for a week and twenty at most, everything forgotten at sign-out and when
 * another person signs in.
 */

/** The chat on screen: a guest's holds its token; a signed-in person's (`owner`) needs none. */
export type KeptChat = { chatId: string; token: string | null; owner: string | null; savedAt: number };
export type TicketReceipt = { ticketId: string; token: string; savedAt: number };
export type GuestVisit = { chat: KeptChat | null; tickets: TicketReceipt[] };

export const MAX_TICKET_RECEIPTS = 20;
export const RECEIPT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const EMPTY_VISIT: GuestVisit = { chat: null, tickets: [] };

const isString = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= 200;
const fresh = (savedAt: unknown, now: number): savedAt is number => typeof savedAt === "number" && savedAt <= now && now - savedAt < RECEIPT_LIFETIME_MS;

/** Whatever was stored, as a GuestVisit: anything malformed or stale is dropped, never trusted. */
export function parseVisit(value: unknown, now: number): GuestVisit {
  const raw = (value ?? {}) as { chat?: Partial<KeptChat> | null; tickets?: unknown };
  const chat = raw.chat;
  const keptChat =
    chat && isString(chat.chatId) && (chat.token === null || isString(chat.token)) && (chat.owner === null || isString(chat.owner)) && fresh(chat.savedAt, now)
      ? { chatId: chat.chatId, token: chat.token, owner: chat.owner, savedAt: chat.savedAt }
      : null;
  const tickets = (Array.isArray(raw.tickets) ? (raw.tickets as Array<Partial<TicketReceipt>>) : [])
    .filter((t): t is TicketReceipt => Boolean(t) && isString(t.ticketId) && isString(t.token) && fresh(t.savedAt, now))
    .map(({ ticketId, token, savedAt }) => ({ ticketId, token, savedAt }))
    .slice(-MAX_TICKET_RECEIPTS);
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

/** The frame's localStorage, or null where reading it throws (storage blocked for third-party frames). */
export function frameLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
