import "server-only";
import type { SiteUser } from "@/lib/site/users";
import { DeskApiError } from "./desk-api";
import { deskSessionFor, forgetDeskSession } from "./desk-session";

/**
 * Runs a Desk call with the user's session, logging in again once if the Desk says it ended. The
 * call may run twice, so what it sends must be re-sendable (a buffer, never a consumed stream).
 */
export async function asUser<T>(user: SiteUser, call: (bearer: string) => Promise<T>): Promise<T> {
  try {
    return await call(await deskSessionFor(user));
  } catch (error) {
    if (!(error instanceof DeskApiError) || error.status !== 401) throw error;
    forgetDeskSession(user.id);
    return call(await deskSessionFor(user));
  }
}
