import { auth } from "@/lib/site/auth";
import { issueUserToken } from "@/lib/site/asap/user-tokens";
import { findUserById } from "@/lib/site/users";
import { isSameOriginRequest } from "@/lib/shared/same-origin";

const NO_STORE = { "Cache-Control": "no-store" };
const refuse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: NO_STORE });

/** POST /api/asap/user-token — legacy flow: an opaque, single-use user token for the signed-in user. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return refuse(403, "FORBIDDEN", "Cross-site requests may not ask for user tokens.");
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) return refuse(401, "UNAUTHENTICATED", "Sign in to the site first.");
  return Response.json(await issueUserToken(user.id), { headers: NO_STORE });
}
