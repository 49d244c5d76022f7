import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { clientAddress } from "@/lib/shared/http/client-address";
import { db } from "@/lib/shared/db";
import { env } from "@/lib/shared/env";
import { verifyPassword } from "@/lib/shared/passwords";
import { createSignInThrottle, TooManyAttemptsError } from "@/lib/shared/sign-in-throttle";

/**
 * The Desk portal's own sign-in for agents: an opaque cookie (HttpOnly, SameSite=Strict, path /desk)
 * naming a row in AgentSession by its hash. Separate from the business site's Auth.js session, as a
 * real help desk's would be.
 */
const COOKIE = "desk_session";
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const throttle = createSignInThrottle(db, "desk");

export type PortalAgent = { id: string; name: string; email: string; role: string };

const hash = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

export type AgentSignInResult = { outcome: "signed-in"; role: string } | { outcome: "invalid" | "throttled" };

export async function signInAgent(email: string, password: string): Promise<AgentSignInResult> {
  const address = clientAddress(await headers());
  try {
    await throttle.assertAllowed(email, address);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return { outcome: "throttled" };
    throw error;
  }
  const agent = await db.agent.findUnique({ where: { email }, select: { id: true, passwordHash: true, role: true } });
  if (!(await verifyPassword(agent?.passwordHash ?? null, password)) || !agent) {
    await throttle.recordFailure(email, address);
    return { outcome: "invalid" };
  }
  await throttle.recordSuccess(email);

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.agentSession.create({ data: { agentId: agent.id, tokenHash: hash(token), expiresAt } });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: env.NODE_ENV === "production" && env.DESK_BASE_URL.startsWith("https:"),
    path: "/desk",
    expires: expiresAt,
  });
  return { outcome: "signed-in", role: agent.role };
}

export async function signOutAgent(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(COOKIE)?.value;
  if (token) await db.agentSession.deleteMany({ where: { tokenHash: hash(token) } });
  jar.delete({ name: COOKIE, path: "/desk" });
}

/** The signed-in agent, looked up once per request. */
export const currentAgent = cache(async (): Promise<PortalAgent | null> => {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  const session = await db.agentSession.findUnique({
    where: { tokenHash: hash(token) },
    select: { expiresAt: true, agent: { select: { id: true, name: true, email: true, role: true } } },
  });
  return session && session.expiresAt > new Date() ? session.agent : null;
});

/** Every portal page, action and data function checks this, whatever the UI shows. */
export async function requireAgent(role?: "admin"): Promise<PortalAgent> {
  const agent = await currentAgent();
  if (!agent) redirect("/desk/sign-in");
  if (role && agent.role !== role) notFound();
  return agent;
}
