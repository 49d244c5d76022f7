"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/shared/env";
import { fieldErrors } from "@/lib/shared/field-errors";
import { createAddon, disableLegacyFlow, setJwksUrl, signOutAllSessions, updateAddon } from "@/lib/desk/addons/admin";
import { readJwksNow } from "@/lib/desk/iam/jwks-keys";
import { JwksFetchError, type JwksSyncReport } from "@/lib/desk/keys/jwks-sync";
import { explainToken, type Explanation } from "@/lib/desk/iam/explain-token";
import { generateKey, KeyInputError, KeyStateError, revokeKey, rotateKey, uploadPublicKey, type NewKey, type UploadedKey } from "@/lib/desk/keys/admin";
import { requireAgent, signInAgent, signOutAgent } from "./agent-session";
import { addonCreateSchema, addonSettingsSchema, jwksUrlSchema, publicKeySchema, ROTATION_OVERLAPS, rotateSchema } from "./schemas";

/**
 * The portal's server actions. Each one: check the agent, parse the form (zod), one write, then
 * revalidate or redirect. Errors become words on the form; nothing is logged with a secret or token.
 */
/** `values` hands back what was typed, so a refused form keeps it (React resets forms after actions). */
export type ActionState = { message?: string; fields?: Record<string, string>; values?: Record<string, string>; ok?: boolean };

function typed(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && name !== "password" && !name.startsWith("$")) values[name] = value;
  return values;
}
/** `newKey`: a generated secret, shown once. `uploadedKey`: a public key's kid and algorithm. */
export type KeyActionState = ActionState & { newKey?: NewKey; uploadedKey?: UploadedKey };

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter your agent email address." })),
  password: z.string().min(1, { error: "Enter your password." }).max(128),
});

export async function deskSignInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: form.get("email") ?? "", password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: typed(form) };
  const result = await signInAgent(parsed.data.email, parsed.data.password);
  if (result.outcome !== "signed-in") {
    const message = result.outcome === "throttled" ? "Too many failed attempts. Sign-in is paused for a few minutes." : "That email and password don't match a Desk agent.";
    return { message, values: typed(form) };
  }
  redirect(result.role === "admin" ? "/desk/admin" : "/desk/agent");
}

export async function deskSignOutAction(): Promise<void> {
  await signOutAgent();
  redirect("/desk/sign-in");
}

export async function createAddonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const agent = await requireAgent("admin");
  const parsed = addonCreateSchema.safeParse({ name: form.get("name") ?? "", origins: form.get("origins") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: typed(form) };
  const addonId = await createAddon(parsed.data, agent);
  redirect(`/desk/admin/addons/${addonId}`);
}

export async function updateAddonAction(addonId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const agent = await requireAgent("admin");
  const parsed = addonSettingsSchema({ allowPrivateEndpoints: env.DESK_ALLOW_PRIVATE_ENDPOINTS }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: typed(form) };
  await updateAddon(addonId, parsed.data, agent);
  revalidatePath(`/desk/admin/addons/${addonId}`);
  return { ok: true, message: "Settings saved." };
}

export async function signOutAllSessionsAction(addonId: string): Promise<ActionState> {
  const agent = await requireAgent("admin");
  const count = await signOutAllSessions(addonId, agent);
  revalidatePath(`/desk/admin/addons/${addonId}`);
  return { ok: true, message: count === 1 ? "1 widget session ended." : `${count} widget sessions ended.` };
}

export async function disableLegacyFlowAction(addonId: string): Promise<void> {
  const agent = await requireAgent("admin");
  await disableLegacyFlow(addonId, agent);
  revalidatePath(`/desk/admin/addons/${addonId}`);
  redirect(`/desk/admin/addons/${addonId}/migration`);
}

export async function generateKeyAction(addonId: string): Promise<KeyActionState> {
  const agent = await requireAgent("admin");
  const newKey = await generateKey(addonId, agent);
  revalidatePath(`/desk/admin/addons/${addonId}`);
  return { ok: true, newKey };
}

export async function rotateKeyAction(addonId: string, _prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const agent = await requireAgent("admin");
  const parsed = rotateSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { message: parsed.error.issues.find((issue) => issue.path[0] === "replacement")?.message ?? "Choose a key and an overlap." };
  try {
    const made = await rotateKey(addonId, parsed.data.kid, ROTATION_OVERLAPS[parsed.data.overlap], agent, parsed.data.replacement);
    revalidatePath(`/desk/admin/addons/${addonId}`);
    return made.kind === "secret" ? { ok: true, newKey: made.key } : { ok: true, uploadedKey: made.key };
  } catch (error) {
    // The paste is handed back only when it is not a private key: that one is better forgotten.
    if (error instanceof KeyInputError) return { message: error.message, values: error.isPrivateKey ? {} : typed(form) };
    if (error instanceof KeyStateError) return { message: error.message, values: typed(form) };
    throw error;
  }
}

export async function uploadPublicKeyAction(addonId: string, _prev: KeyActionState, form: FormData): Promise<KeyActionState> {
  const agent = await requireAgent("admin");
  const parsed = publicKeySchema.safeParse({ publicKey: form.get("publicKey") ?? "" });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  try {
    const uploadedKey = await uploadPublicKey(addonId, parsed.data.publicKey, agent);
    revalidatePath(`/desk/admin/addons/${addonId}`);
    return { ok: true, uploadedKey };
  } catch (error) {
    if (error instanceof KeyInputError) return { message: error.message, values: error.isPrivateKey ? {} : typed(form) };
    throw error;
  }
}

/** `report`: what the read found; `readError`: why the JWKS could not be read (the URL is saved anyway). */
export type JwksActionState = ActionState & { report?: JwksSyncReport; readError?: string };

export async function saveJwksUrlAction(addonId: string, _prev: JwksActionState, form: FormData): Promise<JwksActionState> {
  const agent = await requireAgent("admin");
  const parsed = jwksUrlSchema({ allowPrivateEndpoints: env.DESK_ALLOW_PRIVATE_ENDPOINTS }).safeParse({ jwksUrl: form.get("jwksUrl") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), values: typed(form) };
  const { jwksUrl } = parsed.data;
  const revoked = await setJwksUrl(addonId, jwksUrl, agent);
  revalidatePath(`/desk/admin/addons/${addonId}`);
  if (!jwksUrl) return { ok: true, message: `JWKS URL removed${revoked ? `; the ${revoked === 1 ? "key" : `${revoked} keys`} read from it dropped` : ""}.` };
  try {
    return { ok: true, report: await readJwksNow({ id: addonId, jwksUrl }) };
  } catch (error) {
    if (error instanceof JwksFetchError) return { ok: false, readError: error.message, values: typed(form) };
    throw error;
  }
}

export async function revokeKeyAction(addonId: string, kid: string): Promise<ActionState> {
  const agent = await requireAgent("admin");
  try {
    await revokeKey(addonId, kid, agent);
  } catch (error) {
    if (error instanceof KeyStateError) return { message: error.message };
    throw error;
  }
  revalidatePath(`/desk/admin/addons/${addonId}`);
  return { ok: true, message: `Key ${kid} revoked.` };
}

export type DebugState = { explanation?: Explanation; message?: string };

export async function debugTokenAction(_prev: DebugState, form: FormData): Promise<DebugState> {
  await requireAgent("admin");
  const parsed = z
    .object({ addonId: z.string().min(1, { error: "Pick an add-on." }).max(64), token: z.string().trim().min(1, { error: "Paste a token." }).max(64 * 1024) })
    .safeParse({ addonId: form.get("addonId") ?? "", token: form.get("token") ?? "" });
  if (!parsed.success) return { message: parsed.error.issues[0]?.message };
  return { explanation: await explainToken(parsed.data.addonId, parsed.data.token) };
}
