import { isHostEventName, type HostEventListener, type HostEventName, type HostEventPayloads } from "../protocol/host-events";

/**
 * The page's listeners, by event (../protocol/host-events.ts). A listener that throws is reported on
 * the console and the others still run: the page's bug must not stop the widget.
 */
export function hostEvents() {
  const listeners = new Map<HostEventName, Set<(payload: never) => void>>();
  return {
    /** Adds a listener; returns the function that removes it. */
    on<N extends HostEventName>(name: N, listener: HostEventListener<N>): () => void {
      if (!isHostEventName(name)) throw new TypeError(`ZohoDeskAsap.on: unknown event "${String(name)}"`);
      if (typeof listener !== "function") throw new TypeError(`ZohoDeskAsap.on("${name}", listener): listener must be a function`);
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
    off<N extends HostEventName>(name: N, listener: HostEventListener<N>): void {
      listeners.get(name)?.delete(listener as (payload: never) => void);
    },
    emit<N extends HostEventName>(name: N, payload: HostEventPayloads[N]): void {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as HostEventListener<N>)(payload);
        } catch (error) {
          console.error(`[ASAP] a "${name}" listener threw:`, error);
        }
      }
    },
  };
}
