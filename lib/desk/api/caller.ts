import "server-only";
import { AsapError } from "@/lib/desk/iam/errors";
import { bearerFrom, findSession } from "@/lib/desk/sessions/asap-sessions";
import { clientAddress } from "@/lib/shared/http/client-address";

/** Who is calling the help-center API: an anonymous visitor, or a contact with a live ASAP session. */
export type Caller =
  // A guest's address is kept for the limits on what guests may create.
  | { kind: "anonymous"; clientIp: string }
  | { kind: "contact"; contact: { id: string; email: string; name: string }; addonId: string; sessionId: string };

/**
 * No Authorization header means anonymous. A bearer that is unknown, expired or revoked is refused
 * rather than quietly downgraded, so the widget knows to log in again.
 */
export async function resolveCaller(request: Request): Promise<Caller> {
  if (!request.headers.has("authorization")) return { kind: "anonymous", clientIp: clientAddress(request.headers) };
  const bearer = bearerFrom(request.headers);
  const session = bearer ? await findSession(bearer) : null;
  if (!session) throw new AsapError("UNAUTHENTICATED", "The ASAP session is missing, expired or revoked.", "Log in again.");
  return { kind: "contact", contact: session.contact, addonId: session.addonId, sessionId: session.id };
}

export function requireContact(caller: Caller) {
  if (caller.kind !== "contact") throw new AsapError("UNAUTHENTICATED", "Sign in to do this.", "Log in to the widget through your app.");
  return caller;
}
