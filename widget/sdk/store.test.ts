import { describe, expect, it } from "vitest";
import type { SavedSession } from "../protocol/messages";
import { sessionStore } from "./store";

/** sessionStorage's interface over a Map; `deny` makes every call throw, as a blocked storage does. */
function memoryStorage(entries: Record<string, string> = {}, deny = false) {
  const map = new Map(Object.entries(entries));
  const guard = () => {
    if (deny) throw new DOMException("Access is denied for this document.", "SecurityError");
  };
  return {
    map,
    get length() {
      guard();
      return map.size;
    },
    key: (index: number) => (guard(), [...map.keys()][index] ?? null),
    getItem: (key: string) => (guard(), map.get(key) ?? null),
    setItem: (key: string, value: string) => (guard(), void map.set(key, value)),
    removeItem: (key: string) => (guard(), void map.delete(key)),
  };
}

const saved = (token: string, email: string): SavedSession => ({
  session: { token, expiresAt: "2030-01-01T00:00:00.000Z", localExpiresAt: 1 },
  contact: { name: email.split("@")[0]!, email },
});

describe("the SDK's session store", () => {
  it("keeps the session under asap-session:<addonId>, where the page's tabs and tests find it", () => {
    const storage = memoryStorage();
    const store = sessionStore(storage, "addon_demo");
    expect(store.save(saved("bearer-ada", "ada@example.com"))).toBeNull();
    expect(JSON.parse(storage.map.get("asap-session:addon_demo")!)).toEqual(saved("bearer-ada", "ada@example.com"));
    expect(store.load()).toEqual(saved("bearer-ada", "ada@example.com"));
  });

  it("a refreshed session of the same person replaces the old one without revoking it", () => {
    const store = sessionStore(memoryStorage(), "addon_demo");
    store.save(saved("bearer-1", "ada@example.com"));
    expect(store.save(saved("bearer-2", "ada@example.com"))).toBeNull();
    expect(store.load()?.session.token).toBe("bearer-2");
  });

  it("on a change of person, hands back the previous person's session to revoke and clears what they left", () => {
    const storage = memoryStorage({ "asap-draft": "theirs", "site-key": "the site's own" });
    const store = sessionStore(storage, "addon_demo");
    store.save(saved("bearer-ada", "ada@example.com"));
    expect(store.save(saved("bearer-grace", "grace@example.com"))?.session.token).toBe("bearer-ada");
    expect([...storage.map.keys()].sort()).toEqual(["asap-session:addon_demo", "site-key"]);
  });

  it("clears every key it wrote, and nothing of the site's", () => {
    const storage = memoryStorage({ "asap-session:addon_demo": "{}", "asap-other": "x", "northwind:asap-user": "ada" });
    sessionStore(storage, "addon_demo").clear();
    expect([...storage.map.keys()]).toEqual(["northwind:asap-user"]);
  });

  it("reads nothing from a corrupt entry, and works (keeping nothing) where storage is denied or missing", () => {
    expect(sessionStore(memoryStorage({ "asap-session:addon_demo": "{not json" }), "addon_demo").load()).toBeNull();
    for (const storage of [memoryStorage({}, true), null]) {
      const store = sessionStore(storage, "addon_demo");
      expect(store.save(saved("bearer", "ada@example.com"))).toBeNull();
      expect(store.load()).toBeNull();
      expect(() => store.clear()).not.toThrow();
    }
  });
});
