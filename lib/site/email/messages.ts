import type { MailMessage } from "./transport";

/**
 * The site's emails. Nothing a visitor typed goes in (not even the name from the sign-up form): anyone
 * can sign up with someone else's address, and the mail must not carry their words to that inbox.
 */

const SIGNATURE = "— Northwind Cloud";

export function verificationMail({ to, link, validHours }: { to: string; link: string; validHours: number }): MailMessage {
  const paragraphs = [
    "Hi,",
    `please confirm that ${to} is your email address: open this link, sign in if asked, and press "Confirm my email address".`,
    { link },
    `The link works once and expires in ${validHours} hours. Until you confirm, you can use Northwind Cloud, but help treats you as a guest and cannot show your tickets.`,
    "If you did not create a Northwind Cloud account, ignore this email: nothing happens without the link.",
    SIGNATURE,
  ];
  return { to, subject: "Confirm your email address for Northwind Cloud", ...render(paragraphs) };
}

export function accountExistsMail({ to, signInUrl }: { to: string; signInUrl: string }): MailMessage {
  const paragraphs = [
    "Hi,",
    `someone (probably you) tried to create a Northwind Cloud account for ${to}. You already have an account with this address, so we did not create another. Sign in here:`,
    { link: signInUrl },
    "If that was not you, ignore this email: your account is unchanged.",
    SIGNATURE,
  ];
  return { to, subject: "You already have a Northwind Cloud account", ...render(paragraphs) };
}

type Paragraph = string | { link: string };

function render(paragraphs: Paragraph[]): { text: string; html: string } {
  const text = paragraphs.map((p) => (typeof p === "string" ? p : p.link)).join("\n\n");
  const body = paragraphs
    .map((p) => (typeof p === "string" ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`))
    .join("\n");
  const html = `<!doctype html>\n<html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">\n${body}\n</body></html>`;
  return { text: `${text}\n`, html };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
