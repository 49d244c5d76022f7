import type { SessionAnswer } from "@/lib/contract/desk-api/session";
import { handle, json } from "@/lib/desk/api/respond";
import { AsapError } from "@/lib/desk/iam/errors";
import { bearerFrom, findSession } from "@/lib/desk/sessions/asap-sessions";

/** GET /desk/api/asap/v1/session — who the bearer is, and until when. 401 once it expired or was revoked. */
export function GET(request: Request) {
  return handle(async () => {
    const bearer = bearerFrom(request.headers);
    const session = bearer ? await findSession(bearer) : null;
    if (!session) throw new AsapError("UNAUTHENTICATED", "The ASAP session is missing, expired or revoked.", "Log in again.");
    const expiresInSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
    return json<SessionAnswer>({ contact: session.contact, expiresAt: session.expiresAt.toISOString(), expiresInSeconds });
  });
}
