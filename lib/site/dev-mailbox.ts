import "server-only";
import { z } from "zod";
import { env } from "@/lib/shared/env";

/** The demo's mail catcher (scripts/mail-catcher.ts), read over its HTTP API for /dev/mailbox. */
const mailboxSchema = z.object({
  messages: z.array(z.object({ id: z.string(), from: z.string(), to: z.array(z.string()), subject: z.string(), date: z.string(), text: z.string() })),
});

export type CaughtMail = z.infer<typeof mailboxSchema>["messages"][number];

export type Mailbox = { status: "off" } | { status: "unreachable"; url: string } | { status: "ok"; messages: CaughtMail[] };

export async function readMailbox(): Promise<Mailbox> {
  if (!env.MAIL_CATCHER_URL) return { status: "off" };
  const url = `${env.MAIL_CATCHER_URL.replace(/\/$/, "")}/messages`;
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(2_000), headers: { Accept: "application/json" } });
    if (!response.ok) return { status: "unreachable", url: env.MAIL_CATCHER_URL };
    const parsed = mailboxSchema.safeParse(await response.json());
    return parsed.success ? { status: "ok", messages: parsed.data.messages } : { status: "unreachable", url: env.MAIL_CATCHER_URL };
  } catch {
    return { status: "unreachable", url: env.MAIL_CATCHER_URL };
  }
}
