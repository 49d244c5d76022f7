import NextAuth from "next-auth";
import { authConfig } from "@/lib/site/auth.config";
import { redirectOldHelpAddress } from "@/lib/site/help-center/old-addresses";

const { auth } = NextAuth(authConfig);

// Optimistic redirect to /sign-in for signed-in areas, decided by `authorized` in auth.config.ts from
// the session cookie alone (no database). Pages re-check through requireUser(). Old help addresses move.
export default auth((request) => redirectOldHelpAddress(request.nextUrl));

// Literal, as Next.js reads it at build time: the signed-in areas, and /help only with an old query
// (lib/site/help-center/old-addresses.ts), so the cached /help itself never runs through here. Nor
// could it: server.ts answers repeats of cached pages before Next.js sees them (microcache.ts).
export const config = {
  matcher: [
    "/dashboard/:path*",
    "/account/:path*",
    "/help/tickets/:path*",
    { source: "/help", has: [{ type: "query", key: "q" }] },
    { source: "/help", has: [{ type: "query", key: "category" }] },
  ],
};
