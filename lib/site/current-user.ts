import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import { findUserById, type SiteUser } from "./users";

/**
 * The signed-in user, read fresh from the database once per request, or null. A session whose account
 * is gone (a pending sign-up replaced by a newer one) counts as signed out.
 */
export const currentUser = cache(async (): Promise<SiteUser | null> => {
  const session = await auth();
  return session?.user?.id ? findUserById(session.user.id) : null;
});

/** The signed-in user, or a redirect to sign-in (the DAL check behind proxy.ts). */
export async function requireUser(returnTo: string): Promise<SiteUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
