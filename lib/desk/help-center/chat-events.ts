import "server-only";
import pg from "pg";
import { dialect } from "@/lib/shared/database/dialect";
import { env } from "@/lib/shared/env";
import { logError } from "@/lib/shared/log-error";

/**
 * What wakes an open chat event stream: a new message in its chat or its end, a change that may have
 * ended widget sessions, or its own timer. On PostgreSQL one LISTEN connection per app instance hears the
 * database's triggers (prisma/migrations-pg: asap_chat, asap_sessions), so a message written through
 * any instance reaches streams on every other at once, with no poll per stream. SQLite has no such
 * channel: each stream looks again every second.
 */
export type Wake = "message" | "sessions" | "timer";

export interface ChatEvents {
  /** Starts listening at once (so nothing between this call and the await is missed); resolves on the first wake. */
  next(chatId: string, maxWaitMs: number): Promise<Wake>;
}

export const SQLITE_POLL_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const pollingEvents: ChatEvents = {
  next: async (_chatId, maxWaitMs) => {
    await sleep(Math.min(maxWaitMs, SQLITE_POLL_MS));
    return "timer";
  },
};

type Waiter = { chatId: string; wake: (why: Wake) => void };

class PostgresEvents implements ChatEvents {
  private readonly waiters = new Set<Waiter>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = 500;

  constructor(private readonly databaseUrl: string) {}

  next(chatId: string, maxWaitMs: number): Promise<Wake> {
    void this.ensureListening();
    // Until the listener is up, fall back to SQLite's pace: nothing is missed, only heard later.
    const limit = this.client ? maxWaitMs : Math.min(maxWaitMs, SQLITE_POLL_MS);
    return new Promise<Wake>((resolve) => {
      const waiter: Waiter = {
        chatId,
        wake: (why) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(why);
        },
      };
      const timer = setTimeout(() => waiter.wake("timer"), limit);
      this.waiters.add(waiter);
    });
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    this.connecting = this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true });
    client.on("notification", ({ channel, payload }) => {
      for (const waiter of [...this.waiters]) {
        if (channel === "asap_sessions") waiter.wake("sessions");
        else if (channel === "asap_chat" && waiter.chatId === payload) waiter.wake("message");
      }
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) logError("[chat events] listener lost, reconnecting:", error);
      client.end().catch(() => {});
      // Streams re-read on their next wake; wake them now, so none waits a whole heartbeat.
      for (const waiter of [...this.waiters]) waiter.wake("timer");
      setTimeout(() => void this.ensureListening(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query("LISTEN asap_chat; LISTEN asap_sessions");
      this.client = client;
      this.retryMs = 500;
    } catch (error) {
      logError("[chat events] cannot listen yet:", error);
      client.end().catch(() => {});
      setTimeout(() => void this.ensureListening(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    }
  }
}

const globalForEvents = globalThis as unknown as { asapChatEvents?: ChatEvents };

export const chatEvents: ChatEvents =
  globalForEvents.asapChatEvents ?? (globalForEvents.asapChatEvents = dialect === "postgres" ? new PostgresEvents(env.DATABASE_URL) : pollingEvents);
