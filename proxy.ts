import NextAuth from "next-auth";
import { authConfig } from "@/lib/site/auth.config";

const { auth } = NextAuth(authConfig);

// Optimistic redirect to /sign-in for signed-in areas, decided by `authorized` in auth.config.ts from
// the session cookie alone (no database). Pages re-check through requireUser().
export default auth(() => undefined);

export const config = { matcher: ["/dashboard/:path*", "/account/:path*", "/help/tickets/:path*"] };
