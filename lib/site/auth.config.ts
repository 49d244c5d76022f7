import type { NextAuthConfig } from "next-auth";
import { logError } from "@/lib/shared/log-error";

/**
 * The part of the Auth.js config that needs no database: pages and the optimistic route guard used
 * by proxy.ts. Pages and actions still re-check the session through `auth()`.
 */
export const SIGNED_IN_AREAS = ["/dashboard", "/account", "/help/tickets"];

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const needsSession = SIGNED_IN_AREAS.some((area) => request.nextUrl.pathname.startsWith(area));
      return !needsSession || Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // Failed sign-ins are expected user input, answered on the form: no stack trace in the log.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      logError(`[auth] ${type ?? error.name}`, error);
    },
  },
} satisfies NextAuthConfig;
