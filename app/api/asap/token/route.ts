import { NO_STORE, signedInUserFor } from "@/lib/site/asap/api-guard";
import { issueAsapToken } from "@/lib/site/asap/issue-token";

/** POST /api/asap/token — the new flow: a short-lived ASAP JWT for the signed-in user. */
export async function POST(request: Request) {
  const user = await signedInUserFor(request, "ASAP tokens");
  if (user instanceof Response) return user;
  return Response.json(await issueAsapToken(user), { headers: NO_STORE });
}
