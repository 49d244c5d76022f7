/**
 * The widget session the SDK keeps for the frame, in the page's sessionStorage (browsers may deny
 * the third-party frame storage of its own). The page can mint tokens for its user anyway, so
 * holding the session grants it nothing new. Storage may be missing or throw: then nothing is kept.
 */
import { parseSavedSession } from "../protocol/parse";
import type { SavedSession } from "../protocol/messages";

/** Every key the SDK writes starts so; a logout removes them all. */
const PREFIX = "asap-";

export type SessionStore = {
  load(): SavedSession | null;
  /**
   * Keeps `saved`. When the person changed, everything kept for the previous one goes, and their
   * session is returned: it is still live on the Desk, and must be revoked.
   */
  save(saved: SavedSession): SavedSession | null;
  clear(): void;
  /** The frame's guest visit (FRAME_TO_PAGE.keepVisit), as it sent it; it goes with the rest at a logout or a change of person. */
  loadVisit(): string | null;
  saveVisit(visit: string | null): void;
};

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export function sessionStore(storage: KeyValueStorage | null, addonId: string): SessionStore {
  const key = `${PREFIX}session:${addonId}`;

  function load(): SavedSession | null {
    try {
      return parseSavedSession(JSON.parse(storage?.getItem(key) ?? "null"));
    } catch {
      return null;
    }
  }

  function clear() {
    if (!storage) return;
    try {
      const ours: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const name = storage.key(i);
        if (name?.startsWith(PREFIX)) ours.push(name);
      }
      ours.forEach((name) => storage.removeItem(name));
    } catch {
      // storage denied: nothing was kept
    }
  }

  function save(saved: SavedSession): SavedSession | null {
    const previous = load();
    const replaced = previous && previous.contact.email !== saved.contact.email ? previous : null;
    if (replaced) clear();
    try {
      storage?.setItem(key, JSON.stringify(saved));
    } catch {
      // storage denied or full: the frame logs in again on the next page view
    }
    return replaced;
  }

  const visitKey = `${PREFIX}visit:${addonId}`;
  function loadVisit(): string | null {
    try {
      return storage?.getItem(visitKey) ?? null;
    } catch {
      return null;
    }
  }
  function saveVisit(visit: string | null) {
    try {
      if (visit === null) storage?.removeItem(visitKey);
      else storage?.setItem(visitKey, visit);
    } catch {
      // storage denied or full: the frame keeps it in memory for this page
    }
  }

  return { load, save, clear, loadVisit, saveVisit };
}

/** The page's sessionStorage, or null where reading it throws (sandboxed or storage-blocked pages). */
export function pageSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
