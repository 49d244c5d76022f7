import { describe, expect, it } from "vitest";
import { guestVisitStore, MAX_TICKET_RECEIPTS, pageBackedStorage, parseVisit, RECEIPT_LIFETIME_MS, withoutReceipts, withReceipt, EMPTY_VISIT } from "./guest-visit";

const NOW = 1_800_000_000_000;
const token = "t".repeat(43);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("the guest visit a browser keeps", () => {
  it("drops what is malformed or older than a week, and trusts nothing else", () => {
    expect(parseVisit("nonsense", NOW)).toEqual(EMPTY_VISIT);
    expect(parseVisit({ chat: { chatId: 1, token, owner: null, savedAt: NOW } }, NOW).chat).toBeNull();
    expect(parseVisit({ chat: { chatId: "c1", token, owner: null, savedAt: NOW - RECEIPT_LIFETIME_MS } }, NOW).chat).toBeNull();
    const visit = parseVisit(
      { chat: { chatId: "c1", token, owner: null, savedAt: NOW - 1000, extra: "x" }, tickets: [{ ticketId: "t1", token, savedAt: NOW }, { ticketId: "t2" }, null] },
      NOW,
    );
    expect(visit).toEqual({ chat: { chatId: "c1", token, owner: null, savedAt: NOW - 1000 }, tickets: [{ ticketId: "t1", token, savedAt: NOW }] });
  });

  it("drops a receipt whose token is not a guest token, and keeps one receipt per ticket when stored twice", () => {
    const visit = parseVisit(
      { chat: null, tickets: [{ ticketId: "t1", token: "short", savedAt: NOW }, { ticketId: "t2", token, savedAt: NOW - 2 }, { ticketId: "t2", token: "u".repeat(43), savedAt: NOW - 1 }] },
      NOW,
    );
    expect(visit.tickets).toEqual([{ ticketId: "t2", token: "u".repeat(43), savedAt: NOW - 1 }]);
  });

  it("keeps the newest receipt per ticket, and only the last twenty", () => {
    let visit = EMPTY_VISIT;
    for (let i = 0; i < MAX_TICKET_RECEIPTS + 5; i++) visit = withReceipt(visit, { ticketId: `t${i}`, token, savedAt: NOW });
    expect(visit.tickets).toHaveLength(MAX_TICKET_RECEIPTS);
    expect(visit.tickets[0]?.ticketId).toBe("t5");
    visit = withReceipt(visit, { ticketId: "t5", token: "n".repeat(43), savedAt: NOW });
    expect(visit.tickets.filter((t) => t.ticketId === "t5")).toEqual([{ ticketId: "t5", token: "n".repeat(43), savedAt: NOW }]);
    expect(withoutReceipts(visit, ["t5", "t6"]).tickets.map((t) => t.ticketId)).not.toContain("t5");
  });

  it("is kept per add-on, cleared whole, and in memory when storage throws", () => {
    const storage = memoryStorage();
    const store = guestVisitStore(storage, "addon-a", () => NOW);
    store.update((visit) => withReceipt(visit, { ticketId: "t1", token, savedAt: NOW }));
    expect(guestVisitStore(storage, "addon-a", () => NOW).read().tickets).toHaveLength(1);
    expect(guestVisitStore(storage, "addon-b", () => NOW).read().tickets).toHaveLength(0);
    store.clear();
    expect(storage.items.size).toBe(0);

    const denied = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {},
    };
    const inMemory = guestVisitStore(denied, "addon-a", () => NOW);
    inMemory.update((visit) => ({ ...visit, chat: { chatId: "c1", token, owner: null, savedAt: NOW } }));
    expect(inMemory.read().chat?.chatId).toBe("c1");
  });

  it("through the page: read from what init handed over, each change sent back, a clear sent as null", () => {
    const sent: Array<string | null> = [];
    const storage = pageBackedStorage((json) => sent.push(json));
    const store = guestVisitStore(storage, "addon-a", () => NOW);
    expect(store.read()).toEqual(EMPTY_VISIT); // before init
    storage.seed(JSON.stringify({ chat: { chatId: "c1", token, owner: null, savedAt: NOW }, tickets: [] }));
    expect(store.read().chat?.chatId).toBe("c1");
    store.update((visit) => withReceipt(visit, { ticketId: "t1", token, savedAt: NOW }));
    expect(JSON.parse(sent.at(-1) ?? "null")).toMatchObject({ chat: { chatId: "c1" }, tickets: [{ ticketId: "t1" }] });
    store.clear();
    expect(sent.at(-1)).toBeNull();
    expect(store.read()).toEqual(EMPTY_VISIT);
  });
});
