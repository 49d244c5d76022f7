/**
 * A local mail catcher for the demo and the tests: an SMTP server that keeps what it receives in
 * memory (the newest 200 messages), and a small HTTP API that lists them. Loopback only, no TLS, no
 * real delivery. `npm run demo` and the e2e stack start it; integration tests import it and listen on
 * port 0. Run it alone with `npx tsx scripts/mail-catcher.ts`.
 *
 *   GET    /messages[?to=address]  → { messages: [{ id, from, to[], subject, date, text }] }, newest first
 *   DELETE /messages               → 204, the mailbox emptied
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { id: string; from: string; to: string[]; subject: string; date: string; text: string };

export type MailCatcher = {
  smtpUrl: string;
  httpUrl: string;
  messages(to?: string): CaughtMail[];
  clear(): void;
  close(): Promise<void>;
};

const HOST = "127.0.0.1";
const KEEP = 200;
// Verification mails are a few kilobytes; anything this large is a mistake, not a mail to keep.
const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startMailCatcher({ smtpPort = 0, httpPort = 0, keep = KEEP }: { smtpPort?: number; httpPort?: number; keep?: number } = {}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    // A real server's credentials in SMTP_URL should still work against the catcher: accept any.
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "demo" }),
    disabledCommands: ["STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded) {
            return callback(Object.assign(new Error("Message exceeds the catcher's size limit"), { responseCode: 552 }));
          }
          caught.push({
            id: String(nextId++),
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
            // The envelope says who the mail was delivered to, whatever the headers claim.
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? "",
            date: (parsed.date ?? new Date()).toISOString(),
            text: parsed.text ?? "",
          });
          if (caught.length > keep) caught.splice(0, caught.length - keep);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const messages = (to?: string) => {
    const wanted = to?.trim().toLowerCase();
    return caught.filter((mail) => !wanted || mail.to.includes(wanted)).reverse();
  };

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://catcher.invalid");
    if (url.pathname !== "/messages") return send(response, 404, { error: "Not found: try GET /messages" });
    if (request.method === "GET") return send(response, 200, { messages: messages(url.searchParams.get("to") ?? undefined) });
    if (request.method === "DELETE") {
      caught.length = 0;
      return send(response, 204);
    }
    response.setHeader("Allow", "GET, DELETE");
    return send(response, 405, { error: "Use GET or DELETE" });
  });

  await Promise.all([listen(smtp, (done) => smtp.listen(smtpPort, HOST, done)), listen(http, (done) => http.listen(httpPort, HOST, done))]);
  const portOf = (address: AddressInfo | string | null) => (address as AddressInfo).port;

  return {
    smtpUrl: `smtp://${HOST}:${portOf(smtp.server.address())}`,
    httpUrl: `http://${HOST}:${portOf(http.address())}`,
    messages,
    clear: () => {
      caught.length = 0;
    },
    close: () =>
      Promise.all([new Promise<void>((resolve) => smtp.close(resolve)), new Promise<void>((resolve) => http.close(() => resolve()))]).then(() => undefined),
  };
}

function send(response: ServerResponse, status: number, body?: unknown) {
  response.statusCode = status;
  response.setHeader("Cache-Control", "no-store");
  if (body === undefined) return response.end();
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.end(JSON.stringify(body));
}

/** Resolves once listening; a port already in use rejects instead of waiting forever. */
function listen(server: { once(event: "error", listener: (error: Error) => void): unknown }, start: (done: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    start(resolve);
  });
}

function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (0–65535), not "${value}"`);
  return port;
}

// Run directly (not imported): listen on the configured ports until stopped.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const catcher = await startMailCatcher({
    smtpPort: portFromEnv("MAIL_CATCHER_SMTP_PORT", 1025),
    httpPort: portFromEnv("MAIL_CATCHER_HTTP_PORT", 1080),
  });
  console.log(`[mail-catcher] SMTP on ${catcher.smtpUrl}, caught mail at ${catcher.httpUrl}/messages`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void catcher.close().then(() => process.exit(0)));
  }
}
