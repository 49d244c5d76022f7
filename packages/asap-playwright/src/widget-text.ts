/**
 * What the widget's frame says, read back into data. The frame's words are its interface to people,
 * so they are the page object's interface too: kept here, in one place, beside their tests.
 */

export const GUEST_LINE = "Browsing as a guest";
export const SIGNING_IN_LINE = "Signing you in…";
/** The first line of the frame's login error; its last says "Error code: …". */
export const LOGIN_ERROR_TITLE = "We could not sign you in to help";

export type WhoLine = { kind: "signed-in"; name: string; email: string } | { kind: "guest" } | { kind: "signing-in" } | { kind: "unknown"; text: string };

/** The frame's status line: "Signed in as Ada Lovelace (ada@example.com)", "Browsing as a guest", … */
export function readWhoLine(text: string): WhoLine {
  const line = text.replace(/\s+/g, " ").trim();
  if (line === GUEST_LINE) return { kind: "guest" };
  if (line === SIGNING_IN_LINE) return { kind: "signing-in" };
  // The email is the last parenthesised part: a name may hold parentheses of its own.
  const signedIn = /^Signed in as (.*) \(([^()]*)\)$/.exec(line);
  if (signedIn) return { kind: "signed-in", name: signedIn[1] ?? "", email: signedIn[2] ?? "" };
  return { kind: "unknown", text: line };
}

/** The status line the frame shows for this person: a name (when given) and an email. */
export function signedInLine(email: string, name?: string): string | RegExp {
  if (name !== undefined) return `Signed in as ${name} (${email})`;
  return new RegExp(`^Signed in as .* \\(${escapeRegExp(email)}\\)$`);
}

/** The code in the frame's login error ("… Error code: KEY_REVOKED"), or null. */
export function readErrorCode(text: string): string | null {
  return /Error code: ([A-Z0-9_]+)/.exec(text)?.[1] ?? null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The launcher's accessible name, closed ("Help") or open ("Close help"); SDKs before 0.1 also named the glyph. */
export const LAUNCHER_NAME = /^(\?\s*)?Help$|^(×\s*)?Close help$/;

/** The frame's tabs, by their labels. */
export const WIDGET_TABS = ["Home", "Articles", "Tickets", "Community", "Chat"] as const;
export type WidgetTab = (typeof WIDGET_TABS)[number];

/** The frame's attachment words: the file picker's label, the list of files being sent, a finished upload, a message's files. */
export const ATTACH_FILES_LABEL = "Attach files";
export const FILES_TO_SEND = "Files to send";
export const FILE_READY = "Ready";
export const ATTACHMENTS_GROUP = "Attachments";
