import "server-only";
import { errorBody } from "@/lib/contract/error-body";
import { httpStatus, type HttpErrorCodeOf } from "@/lib/contract/errors";
import { isSameOriginRequest } from "@/lib/shared/same-origin";
import { auth } from "@/lib/site/auth";
import { findUserById, type SiteUser } from "@/lib/site/users";

export const EMAIL_NOT_VERIFIED_MESSAGE = "Verify your email address to see your tickets: use the link we emailed you.";

export const NO_STORE = { "Cache-Control": "no-store" };

/** A refusal of the site's ASAP endpoints: the contract's body, answered with the status it gives the code. */
export function refuse(code: HttpErrorCodeOf<"site">, message: string, hint: string): Response {
  return Response.json(errorBody(code, message, hint), { status: httpStatus("site", code), headers: NO_STORE });
}

/**
 * The guard chain of the site's ASAP credential routes: same-origin only (route handlers get no CSRF
 * protection from Next.js or Auth.js), then a signed-in user. Answers the refusal, or the user.
 */
export async function signedInUserFor(request: Request, what: string): Promise<SiteUser | Response> {
  if (!isSameOriginRequest(request)) return refuse("FORBIDDEN", `Cross-site requests may not ask for ${what}.`, "Ask from a page of this site.");
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) return refuse("UNAUTHENTICATED", "Sign in to the site first.", "Sign in, then open the help widget again.");
  // The widget shows this message as the reason its person stays a guest.
  if (!user.emailVerified) return refuse("EMAIL_NOT_VERIFIED", EMAIL_NOT_VERIFIED_MESSAGE, "Open the link in the email we sent, or ask for a new one on your account page.");
  return user;
}
