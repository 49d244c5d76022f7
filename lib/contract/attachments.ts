/**
 * Attachments' rules, in one place: which kinds of file a ticket, a comment or a chat message may
 * carry, how many, and how large by default. The Desk decides a file's kind from its bytes and
 * enforces these; the widget and the forms check them early, by name, only to say so sooner.
 * No zod here: the widget's bundle imports this module.
 */

/** Files one ticket, reply or chat message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;

/** Each file's size limit unless ATTACHMENT_MAX_BYTES says otherwise: 10 MiB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A kind of file the Desk accepts: the media type it serves it as, and the names it may carry. */
type Kind = { label: string; extensions: readonly string[]; image: boolean };

export const ATTACHMENT_KINDS = {
  "image/png": { label: "PNG image", extensions: ["png"], image: true },
  "image/jpeg": { label: "JPEG image", extensions: ["jpg", "jpeg"], image: true },
  "image/gif": { label: "GIF image", extensions: ["gif"], image: true },
  "image/webp": { label: "WebP image", extensions: ["webp"], image: true },
  "application/pdf": { label: "PDF", extensions: ["pdf"], image: false },
  // Plain UTF-8 text: notes, logs, CSV and JSON exports. Markup (HTML, XML, SVG) is refused.
  "text/plain": { label: "text or log file", extensions: ["txt", "log", "csv", "json", "md"], image: false },
  // Stored as it is and never unpacked on the server.
  "application/zip": { label: "ZIP archive", extensions: ["zip"], image: false },
} as const satisfies Record<string, Kind>;

export type AttachmentType = keyof typeof ATTACHMENT_KINDS;

export const ATTACHMENT_TYPES = Object.keys(ATTACHMENT_KINDS) as AttachmentType[];

/** For a file picker's `accept`: every allowed name ending. */
export const ACCEPTED_FILE_NAMES = ATTACHMENT_TYPES.flatMap((type) => ATTACHMENT_KINDS[type].extensions.map((ext) => `.${ext}`)).join(",");

/** What people are told the Desk accepts. */
export const ACCEPTED_KINDS_TEXT = "images (PNG, JPEG, GIF, WebP), PDF, text and log files, and ZIP archives";

export const isAttachmentType = (value: string): value is AttachmentType => Object.hasOwn(ATTACHMENT_KINDS, value);

/** Images are shown inline, as thumbnails; every other kind is a named download. */
export const isImageType = (type: string): boolean => isAttachmentType(type) && ATTACHMENT_KINDS[type].image;

/** The kind a file's name suggests, for the early check in a browser; the Desk decides by the bytes. */
export function typeByName(name: string): AttachmentType | null {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  return ATTACHMENT_TYPES.find((type) => (ATTACHMENT_KINDS[type].extensions as readonly string[]).includes(ext)) ?? null;
}

/** "2.4 MB", "830 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
