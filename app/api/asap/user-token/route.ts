import { NO_STORE, signedInUserFor } from "@/lib/site/asap/api-guard";
import { issueUserToken } from "@/lib/site/asap/user-tokens";

/** POST /api/asap/user-token — legacy flow: an opaque, single-use user token for the signed-in user. */
export async function POST(request: Request) {
  const user = await signedInUserFor(request, "user tokens");
  if (user instanceof Response) return user;
  return Response.json(await issueUserToken(user.id), { headers: NO_STORE });
}
