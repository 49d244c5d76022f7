import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_DIR } from "./database";

/**
 * The mail the e2e stack's apps sent, read from its mail catcher's HTTP API (scripts/mail-catcher.ts):
 * the messages went over real SMTP, as they would to any mail server.
 */
export type Mail = { id: string; from: string; to: string[]; subject: string; date: string; text: string };

let catcherUrl: string | undefined;
function catcher(): string {
  catcherUrl ??= (JSON.parse(readFileSync(path.join(E2E_DIR, "env.json"), "utf8")) as { MAIL_CATCHER_URL: string }).MAIL_CATCHER_URL;
  return catcherUrl;
}

export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${catcher()}/messages?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

/** Waits for the `count`-th mail with this subject to reach `address`, and returns the newest. */
export async function waitForMail(address: string, subject: string, count = 1): Promise<Mail> {
  await expect
    .poll(async () => (await mailsTo(address)).filter((mail) => mail.subject === subject).length, { message: `mail "${subject}" to ${address}`, timeout: 10_000 })
    .toBeGreaterThanOrEqual(count);
  return (await mailsTo(address)).find((mail) => mail.subject === subject)!;
}

export const VERIFICATION_SUBJECT = "Confirm your email address for Northwind Cloud";
export const ACCOUNT_EXISTS_SUBJECT = "You already have a Northwind Cloud account";

/** The verification link in a mail, as a path on the site (the mail holds the absolute SITE_URL link). */
export function verificationLink(mail: Mail): string {
  const link = mail.text.match(/https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no verification link in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}
