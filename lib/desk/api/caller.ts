import "server-only";
import { AsapError } from "@/lib/desk/iam/errors";
import { bearerFrom, findSession } from "@/lib/desk/sessions/asap-sessions";

/** Who is calling the help-center API: an anonymous visitor, or a contact with a live ASAP session. */
export type Caller = { kind: "anonymous" } | { kind: "contact"; contact: { id: string; email: string; name: string }; addonId: string };

/**
 * No Authorization header means anonymous. A bearer that is unknown, expired or revoked is refused
 * rather than quietly downgraded, so the widget knows to log in again.
 */
export async function resolveCaller(request: Request): Promise<Caller> {
  if (!request.headers.has("authorization")) return { kind: "anonymous" };
  const bearer = bearerFrom(request.headers);
  const session = bearer ? await findSession(bearer) : null;
  if (!session) throw new AsapError("UNAUTHENTICATED", "The ASAP session is missing, expired or revoked.", "Log in again.");
  return { kind: "contact", contact: session.contact, addonId: session.addonId };
}

export function requireContact(caller: Caller) {
  if (caller.kind !== "contact") throw new AsapError("UNAUTHENTICATED", "Sign in to do this.", "Log in to the widget through your app.");
  return caller;
}
