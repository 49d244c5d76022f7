import "server-only";
import { db } from "@/lib/shared/db";
import type { AsapError } from "./errors";

export type LoginAttempt = {
  addonId: string;
  flow: "new" | "legacy";
  clientIp: string;
  origin: string | null;
};

/** Every login attempt, kept for the portal's login log: outcome, code, hint, never the token. */
export async function recordLogin(attempt: LoginAttempt, outcome: { email: string } | { error: AsapError; email?: string }) {
  await db.loginEvent.create({
    data: {
      addonId: attempt.addonId,
      flow: attempt.flow,
      clientIp: attempt.clientIp,
      origin: attempt.origin,
      ...("error" in outcome
        ? { outcome: "failure", code: outcome.error.code, detail: outcome.error.logDetail ?? `${outcome.error.message} ${outcome.error.hint}`, email: outcome.email ?? null }
        : { outcome: "success", email: outcome.email }),
    },
  });
}

export type LoginLogFilter = { outcome?: "success" | "failure"; code?: string; flow?: "new" | "legacy"; take?: number };

export function listLoginEvents(addonId: string, filter: LoginLogFilter = {}) {
  return db.loginEvent.findMany({
    where: {
      addonId,
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.code ? { code: filter.code } : {}),
      ...(filter.flow ? { flow: filter.flow } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 100,
    select: { id: true, flow: true, outcome: true, code: true, detail: true, email: true, clientIp: true, origin: true, createdAt: true },
  });
}
