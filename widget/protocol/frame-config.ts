/**
 * What the Desk tells the frame it serves, as JSON in the body's data-config attribute (the frame's
 * CSP allows no inline script). lib/desk/widget/frame-document.ts writes it; the frame reads it.
 */
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "@/lib/contract/attachments";
import { DEFAULT_ACCENT_COLOR, DEFAULT_LAUNCHER_POSITION, isAccentColor, isLauncherPosition, type LauncherBranding } from "./branding";

export type FrameConfig = LauncherBranding & {
  addonId: string;
  /** The frame's header: the add-on's widget title, or its name. */
  title: string;
  /** Shown on Home, if the add-on has one. */
  greeting: string | null;
  /** The embedding page's exact origin, already checked against the add-on's allowed origins. */
  parentOrigin: string;
  authMode: string;
  /**
   * The add-on is in report-only mode: a refused login keeps the person a guest without an error
   * (the page still hears loginFailed, and the Desk logs it).
   */
  reportOnly: boolean;
  /** Each attachment's size limit (the Desk's ATTACHMENT_MAX_BYTES), so a file too large is refused before it is sent. */
  attachmentMaxBytes: number;
};

export function readFrameConfig(body: HTMLElement): FrameConfig {
  const config = JSON.parse(body.getAttribute("data-config") ?? "null") as Partial<FrameConfig> | null;
  const { addonId, title, greeting, parentOrigin, authMode, reportOnly, accentColor, launcherPosition, attachmentMaxBytes } = config ?? {};
  if (typeof addonId !== "string" || typeof title !== "string" || typeof parentOrigin !== "string" || typeof authMode !== "string") {
    throw new Error("[ASAP] the frame document carries no valid data-config");
  }
  // Branding is cosmetic: a value the frame cannot use falls back to the default look.
  return {
    addonId,
    title,
    greeting: typeof greeting === "string" && greeting ? greeting : null,
    parentOrigin,
    authMode,
    reportOnly: reportOnly === true,
    accentColor: isAccentColor(accentColor) ? accentColor : DEFAULT_ACCENT_COLOR,
    launcherPosition: isLauncherPosition(launcherPosition) ? launcherPosition : DEFAULT_LAUNCHER_POSITION,
    // Only the early check uses it: the Desk enforces its own limit whatever the frame believes.
    attachmentMaxBytes: typeof attachmentMaxBytes === "number" && Number.isSafeInteger(attachmentMaxBytes) && attachmentMaxBytes > 0 ? attachmentMaxBytes : DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}
