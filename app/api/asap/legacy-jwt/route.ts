import type { NextRequest } from "next/server";
import { NO_STORE, refuse } from "@/lib/site/asap/api-guard";
import { issueAsapToken } from "@/lib/site/asap/issue-token";
import { redeemUserToken } from "@/lib/site/asap/user-tokens";

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
    return refuse("VALIDATION_FAILED", "user_token is missing or malformed.", "Pass the user token the site issued, as ?user_token=….");
  }
  const redemption = await redeemUserToken(userToken);
  if (!redemption.ok) {
    return refuse("USER_TOKEN_INVALID", REASONS[redemption.reason], "The widget asks the site for a fresh user token.");
  }
  if (!redemption.user.emailVerified) {
    return refuse("EMAIL_NOT_VERIFIED", "The user has not verified their email address.", "The user confirms it through the link the site emailed them.");
  }
  const { token } = await issueAsapToken(redemption.user);
  return new Response(token, { headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE } });
}
