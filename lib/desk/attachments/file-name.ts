import { ATTACHMENT_KINDS, type AttachmentType } from "@/lib/contract/attachments";

/**
 * A file's name as people and file systems may safely meet it: the last part of any path; no
 * control, direction-override or invisible characters (an "invoice‮fdp.exe" that reads as
 * "invoice.exe.pdf"); nothing Windows refuses; at most 100 characters; and an ending that fits the
 * type the Desk found in the bytes, added when the name's own does not ("report.pdf" that is a PNG
 * becomes "report.pdf.png"), so a download opens with the program its content is for.
 */
const MAX_LENGTH = 100;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff0-\uffff<>:"/\\|?*]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeFileName(given: string, type: AttachmentType): string {
  const last = given.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = last.replace(UNSAFE, "_").replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "");
  if (!name || /^_+$/.test(name)) name = "file";
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  const extensions: readonly string[] = ATTACHMENT_KINDS[type].extensions;
  const ending = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  const fits = ending?.[1] !== undefined && extensions.includes(ending[1].toLowerCase());
  // The ending stays whole when the name is cut: the stem gives way.
  const [stem, suffix] = fits && ending ? [name.slice(0, ending.index), ending[0]] : [name, `.${extensions[0]}`];
  const cut = [...stem].slice(0, MAX_LENGTH - suffix.length).join("").replace(/[\s.]+$/, "");
  return `${cut || "file"}${suffix}`;
}
