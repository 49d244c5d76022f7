import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { clientAddress } from "@/lib/shared/http/client-address";
import { authConfig } from "./auth.config";
import { verifyPassword } from "@/lib/shared/passwords";
import { createSignInThrottle, TooManyAttemptsError } from "@/lib/shared/sign-in-throttle";
import { findCredentials } from "./users";
import { signInSchema } from "./validation";

/** Codes travel to the sign-in form (and the URL), so they say nothing about which part was wrong. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
export class SignInThrottled extends CredentialsSignin {
  override code = "too_many_attempts";
}

const throttle = createSignInThrottle(db, "site");

const nextAuth = NextAuth({
  ...authConfig,
  secret: env.AUTH_SECRET,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Runs for the sign-in form's server action and for direct POSTs to /api/auth/callback/credentials
      // alike, so the throttle cannot be side-stepped.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const address = clientAddress(request.headers);
        try {
          await throttle.assertAllowed(email, address);
        } catch (error) {
          if (error instanceof TooManyAttemptsError) throw new SignInThrottled();
          throw error;
        }
        const user = await findCredentials(email);
        if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
          await throttle.recordFailure(email, address);
          throw new InvalidCredentials();
        }
        await throttle.recordSuccess(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
});

export const { handlers, signIn, signOut } = nextAuth;

/** The current session, memoised per request so layouts, pages and actions share one lookup. */
export const auth = cache(() => nextAuth.auth());
