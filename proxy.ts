import NextAuth from "next-auth";
import { authConfig } from "@/lib/site/auth.config";

// Optimistic redirect to /sign-in for signed-in areas; it reads only the session cookie, no database.
export const { auth: proxy } = NextAuth(authConfig);

export const config = { matcher: ["/dashboard/:path*", "/account/:path*"] };
