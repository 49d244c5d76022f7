import { randomUUID } from "node:crypto";
import type { Caller } from "@/lib/desk/api/caller";
import { ConsoleError } from "@/lib/desk/console/errors";
import { AsapError } from "@/lib/desk/iam/errors";
import { db } from "@/lib/shared/db";

// Callers built the way lib/desk/api/caller.ts builds them, for tests of the help-center below HTTP.

/** A contact signed in through an add-on of their own; every call gets a fresh, unique email. */
export async function contactCaller(name = "Ada"): Promise<Extract<Caller, { kind: "contact" }>> {
  const addonId = `addon_${randomUUID().slice(0, 8)}`;
  await db.asapAddon.create({ data: { id: addonId, name: addonId } });
  const contact = await db.contact.create({ data: { email: `${randomUUID()}@example.com`, name }, select: { id: true, email: true, name: true } });
  const session = await db.asapSession.create({
    data: { addonId, contactId: contact.id, tokenHash: randomUUID(), flow: "new", expiresAt: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });
  return { kind: "contact", contact, addonId, sessionId: session.id };
}

/** An anonymous visitor from an address of their own, so guest limits of other tests never apply. */
export function guestCaller(): Extract<Caller, { kind: "anonymous" }> {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return { kind: "anonymous", clientIp: `10.${n()}.${n()}.${n()}` };
}

export async function newAgent(name = "Grace") {
  return db.agent.create({ data: { email: `${randomUUID()}@desk.example.com`, name, passwordHash: "x" }, select: { id: true, name: true, email: true, role: true } });
}

/** The AsapError a call is refused with; fails the test if it succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AsapError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof AsapError) return error;
    throw error;
  }
  throw new Error("expected an AsapError");
}

/** The ConsoleError an agent console write is refused with; fails the test otherwise. */
export async function consoleRefusal(promise: Promise<unknown>): Promise<ConsoleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error("expected a ConsoleError");
}
