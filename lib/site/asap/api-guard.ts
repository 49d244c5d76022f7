import "server-only";
import { isSameOriginRequest } from "@/lib/shared/same-origin";
import { auth } from "@/lib/site/auth";
import { findUserById, type SiteUser } from "@/lib/site/users";

export const EMAIL_NOT_VERIFIED_MESSAGE = "Verify your email address to see your tickets: use the link we emailed you.";

export const NO_STORE = { "Cache-Control": "no-store" };

const refuse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: NO_STORE });

/**
 * The guard chain of the site's ASAP credential routes: same-origin only (route handlers get no CSRF
 * protection from Next.js or Auth.js), then a signed-in user. Answers the refusal, or the user.
 */
export async function signedInUserFor(request: Request, what: string): Promise<SiteUser | Response> {
  if (!isSameOriginRequest(request)) return refuse(403, "FORBIDDEN", `Cross-site requests may not ask for ${what}.`);
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) return refuse(401, "UNAUTHENTICATED", "Sign in to the site first.");
  // The widget shows this message as the reason its person stays a guest.
  if (!user.emailVerified) return refuse(403, "EMAIL_NOT_VERIFIED", EMAIL_NOT_VERIFIED_MESSAGE);
  return user;
}
