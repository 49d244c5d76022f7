import { auth } from "@/lib/site/auth";
import { issueAsapToken } from "@/lib/site/asap/issue-token";
import { findUserById } from "@/lib/site/users";
import { isSameOriginRequest } from "@/lib/shared/same-origin";

const NO_STORE = { "Cache-Control": "no-store" };
const refuse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: NO_STORE });

/** POST /api/asap/token — the new flow: a short-lived ASAP JWT for the signed-in user. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return refuse(403, "FORBIDDEN", "Cross-site requests may not mint tokens.");
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) return refuse(401, "UNAUTHENTICATED", "Sign in to the site first.");
  if (!user.emailVerified) return refuse(403, "EMAIL_NOT_VERIFIED", "Verify your email address first.");
  return Response.json(await issueAsapToken(user), { headers: NO_STORE });
}
