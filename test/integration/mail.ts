import { afterAll } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";

/**
 * A real SMTP catcher for this test file (scripts/mail-catcher.ts on free ports), and SMTP_URL aimed
 * at it. Call it before importing modules that read `env`: import those with `await import()` after.
 */
export async function catchMail(): Promise<MailCatcher> {
  const catcher = await startMailCatcher();
  process.env.SMTP_URL = catcher.smtpUrl;
  afterAll(() => catcher.close());
  return catcher;
}

/** The verification link in a caught mail's text, or a failed expectation's clear message. */
export function linkIn(text: string): string {
  const link = text.match(/http:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no verification link in:\n${text}`);
  return link;
}
