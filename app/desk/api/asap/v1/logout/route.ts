import { handle } from "@/lib/desk/api/respond";
import { AsapError } from "@/lib/desk/iam/errors";
import { bearerFrom, revokeSession } from "@/lib/desk/sessions/asap-sessions";

/** POST /desk/api/asap/v1/logout — revokes the caller's ASAP session. Idempotent. */
export function POST(request: Request) {
  return handle(async () => {
    const bearer = bearerFrom(request.headers);
    if (!bearer) throw new AsapError("UNAUTHENTICATED", "No ASAP session was given.", "Send Authorization: Bearer <session token>.");
    await revokeSession(bearer);
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}
