import "server-only";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { findUserById, type SiteUser } from "./users";

/** The signed-in user, read fresh from the database, or a redirect to sign-in (the DAL check behind proxy.ts). */
export async function requireUser(returnTo: string): Promise<SiteUser> {
  const session = await auth();
  const user = session?.user?.id ? await findUserById(session.user.id) : null;
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
