/**
 * A load-and-fault driver for the cluster acceptance run: creates `total` guest tickets at a given
 * concurrency, round-robin over base URLs (the instances, or one proxy), each with its own
 * Idempotency-Key, and retries a failed request with the SAME key (on the next URL), so a ticket whose
 * answer was lost is replayed, never created twice. Optionally SIGKILLs an instance part-way and
 * restarts it. Its loops are bounded by count, attempts and a deadline; it talks to loopback only.
 *
 * Guests, not signed-in contacts: no add-on, key or login needed, and it is the path real visitors
 * take. Guest tickets are limited per client address (30/h) and per email (10/h), so each ticket
 * names its own address in X-Forwarded-For, from 198.18.0.0/15 (the benchmarking range, RFC 2544),
 * and its own email: the instances must run with TRUSTED_PROXIES=loopback.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Instances } from "./instances";

export type StormKill = {
  /** SIGKILL once this fraction of `total` is acknowledged, e.g. 0.3. */
  afterFraction: number;
  instance: string;
  instances: Pick<Instances, "kill" | "restart">;
  /** How long the instance stays dead before its restart begins (default 1 s). */
  downMs?: number;
  /** Errors this long after the restarted instance is healthy still belong to the kill (default 2 s). */
  graceMs?: number;
};

export type StormOptions = {
  baseUrls: string[];
  total: number;
  concurrency: number;
  /** Names this run's tickets (subject, email, keys); lower-case letters and digits. */
  runId?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** After this, no ticket is started or retried (default 5 min). */
  deadlineMs?: number;
  kill?: StormKill;
  log?: (line: string) => void;
};

export type Phase = "before-kill" | "during-kill" | "after-kill";
/** One failed attempt; `sentAtMs` and `atMs` (when it failed) count from the storm's start. */
export type StormError = { key: string; attempt: number; baseUrl: string; sentAtMs: number; atMs: number; phase: Phase; status?: number; message: string };
export type Acknowledged = { index: number; key: string; id: string; number: number; attempts: number };

export type StormReport = {
  runId: string;
  /** The subject every ticket of this run starts with, for finding them in the database. */
  subjectPrefix: string;
  total: number;
  acknowledged: Acknowledged[];
  /** Tickets that never got a 201: refused (4xx), out of attempts, or past the deadline. */
  unacknowledged: Array<{ index: number; key: string; reason: string }>;
  /** Every failed attempt: 5xx answers and connection errors or timeouts (no status). */
  errors: StormError[];
  retries: number;
  /** Milliseconds since the start: the kill, the restarted instance's health, and the window's end. */
  kill?: { killedAtMs: number; healthyAtMs?: number; windowEndMs: number; error?: string };
  durationMs: number;
};

const created = z.object({ ticket: z.object({ id: z.string().min(1), number: z.number().int() }) });
const errorBody = z.object({ error: z.object({ code: z.string() }) }).partial();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The i-th address of 198.18.0.0/15 (131 072 addresses), skipping the range's first. */
export function benchmarkAddress(index: number): string {
  const n = (index % 131_071) + 1;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 0xff}.${n & 0xff}`;
}

export async function runTicketStorm(options: StormOptions): Promise<StormReport> {
  const { baseUrls, total, concurrency, maxAttempts = 8, requestTimeoutMs = 30_000, deadlineMs = 300_000, kill, log = () => {} } = options;
  if (baseUrls.length === 0) throw new Error("the storm needs at least one base URL");
  const runId = options.runId ?? randomBytes(4).toString("hex");
  if (!/^[a-z0-9]{1,32}$/.test(runId)) throw new Error(`runId must be 1–32 lower-case letters and digits, not "${runId}"`);
  const subjectPrefix = `storm ${runId} #`;
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const acknowledged: Acknowledged[] = [];
  const unacknowledged: StormReport["unacknowledged"] = [];
  const errors: Array<Omit<StormError, "phase">> = [];
  let retries = 0;
  let killRecord: StormReport["kill"];
  let killing: Promise<void> | undefined;

  function startKill(fault: StormKill) {
    const record: NonNullable<StormReport["kill"]> = { killedAtMs: elapsed(), windowEndMs: Number.POSITIVE_INFINITY };
    killRecord = record;
    log(`storm: SIGKILL instance ${fault.instance} at ${acknowledged.length} acknowledged`);
    killing = (async () => {
      try {
        await fault.instances.kill(fault.instance);
        await sleep(fault.downMs ?? 1_000);
        await fault.instances.restart(fault.instance);
        record.healthyAtMs = elapsed();
        record.windowEndMs = record.healthyAtMs + (fault.graceMs ?? 2_000);
        log(`storm: instance ${fault.instance} healthy again at ${record.healthyAtMs} ms`);
      } catch (error) {
        record.error = (error as Error).message;
        log(`storm: the kill and restart failed: ${record.error}`);
      }
    })();
  }

  async function createOne(index: number) {
    const key = `${runId}-${index}`;
    const body = JSON.stringify({ name: `Storm ${index}`, email: `storm-${runId}-${index}@example.com`, subject: `${subjectPrefix}${index}`, description: "A load-test ticket (scripts/cluster/ticket-storm.ts)." });
    let reason = "out of attempts";
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (elapsed() > deadlineMs) {
        reason = "deadline passed";
        break;
      }
      if (attempt > 1) retries++;
      const baseUrl = baseUrls[(index + attempt - 1) % baseUrls.length]!;
      const sentAtMs = elapsed();
      const failed = (message: string, status?: number) => errors.push({ key, attempt, baseUrl, sentAtMs, atMs: elapsed(), status, message });
      try {
        const response = await fetch(`${baseUrl}/desk/api/asap/v1/tickets`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": key, "X-Forwarded-For": benchmarkAddress(index) },
          body,
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        const text = await response.text();
        const json = parseJson(text);
        if (response.status === 201) {
          const parsed = created.safeParse(json);
          if (!parsed.success) throw new Error(`HTTP 201 with an unexpected body: ${text.slice(0, 200) || "(empty)"}`);
          const { ticket } = parsed.data;
          acknowledged.push({ index, key, id: ticket.id, number: ticket.number, attempts: attempt });
          if (kill && !killRecord && acknowledged.length >= Math.ceil(kill.afterFraction * total)) startKill(kill);
          return;
        }
        const code = errorBody.safeParse(json).data?.error?.code ?? "no error code";
        // 5xx: the instance failed; 409: a racing copy of this key is still running. Both end with the same key again.
        if (response.status < 500 && response.status !== 409) {
          unacknowledged.push({ index, key, reason: `HTTP ${response.status} ${code}` });
          return;
        }
        failed(`HTTP ${response.status} ${code}`, response.status);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        failed((error as Error).name === "TimeoutError" ? `no answer within ${requestTimeoutMs} ms` : (cause ?? (error as Error).message));
      }
      await sleep(Math.min(2_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
    }
    unacknowledged.push({ index, key, reason });
  }

  let next = 0;
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      if (elapsed() > deadlineMs) unacknowledged.push({ index, key: `${runId}-${index}`, reason: "deadline passed before it was sent" });
      else await createOne(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  await killing; // the cluster is whole again before the report goes out
  const durationMs = elapsed();

  const phase = (atMs: number): Phase => (!killRecord || atMs < killRecord.killedAtMs ? "before-kill" : atMs <= killRecord.windowEndMs ? "during-kill" : "after-kill");
  return {
    runId,
    subjectPrefix,
    total,
    acknowledged: acknowledged.sort((a, b) => a.index - b.index),
    unacknowledged: unacknowledged.sort((a, b) => a.index - b.index),
    errors: errors.map((error) => ({ ...error, phase: phase(error.atMs) })),
    retries,
    kill: killRecord,
    durationMs,
  };
}

/** 5xx answers outside the kill window: the acceptance run allows none. */
export function serverErrorsOutsideKill(report: StormReport): StormError[] {
  return report.errors.filter((error) => error.status !== undefined && error.status >= 500 && error.phase !== "during-kill");
}
