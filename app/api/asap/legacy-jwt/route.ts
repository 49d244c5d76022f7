import type { NextRequest } from "next/server";
import { issueAsapToken } from "@/lib/site/asap/issue-token";
import { redeemUserToken } from "@/lib/site/asap/user-tokens";

const NO_STORE = { "Cache-Control": "no-store" };
const REASONS = {
  unknown: "The user token is not one this site issued.",
  expired: "The user token has expired; the widget asks for a fresh one.",
  used: "The user token was already used; each one logs in once.",
};

/**
 * GET /api/asap/legacy-jwt?user_token=… — the business's "JWT endpoint" of the legacy flow, called by
 * the Desk's IAM server (server to server). Answers the user's ASAP JWT as text, like the vendor's
 * samples; the same claims as the new flow.
 */
export async function GET(request: NextRequest) {
  const userToken = request.nextUrl.searchParams.get("user_token") ?? "";
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(userToken)) {
    return Response.json({ error: { code: "VALIDATION_FAILED", message: "user_token is missing or malformed." } }, { status: 400, headers: NO_STORE });
  }
  const redemption = await redeemUserToken(userToken);
  if (!redemption.ok) {
    return Response.json({ error: { code: "USER_TOKEN_INVALID", message: REASONS[redemption.reason] } }, { status: 401, headers: NO_STORE });
  }
  if (!redemption.user.emailVerified) {
    return Response.json({ error: { code: "EMAIL_NOT_VERIFIED", message: "The user has not verified their email address." } }, { status: 403, headers: NO_STORE });
  }
  const { token } = await issueAsapToken(redemption.user);
  return new Response(token, { headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE } });
}
