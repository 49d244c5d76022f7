import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { ErrorCodeOf } from "@/lib/contract/errors";
import { env } from "@/lib/shared/env";
import { logError } from "@/lib/shared/log-error";

/** One outgoing message: a plain-text body for every client, and an HTML part for those that show it. */
export type MailMessage = { to: string; subject: string; text: string; html: string };

/** The mail could not be handed to the SMTP server. The cause is logged; users hear a generic message. */
export class MailNotSentError extends Error {
  override name = "MailNotSentError";
  readonly code: ErrorCodeOf<"site"> = "MAIL_NOT_SENT";
}

// One transport (and its connection settings) per process, reused across hot reloads like the db client.
const globalForMail = globalThis as unknown as { siteMailer?: Transporter };

function transport(): Transporter {
  globalForMail.siteMailer ??= nodemailer.createTransport(
    // Nodemailer waits minutes by default; a form should hear about a dead mail server in seconds.
    { url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: env.MAIL_FROM },
  );
  return globalForMail.siteMailer;
}

export async function sendMail(message: MailMessage): Promise<void> {
  try {
    await transport().sendMail(message);
  } catch (error) {
    // One line: nodemailer's code and message (the socket's or the server's reply, never the URL's
    // password), no stack and no message body.
    const { code } = error as { code?: string };
    logError(`[mail] could not send "${message.subject}": ${code ?? "ERROR"}`, error);
    throw new MailNotSentError("The email could not be sent", { cause: error });
  }
}
