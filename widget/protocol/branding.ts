/**
 * An add-on's widget branding, as the portal saves it, the frame shows it and the SDK's launcher
 * wears it. The rules are here once, for the portal's form and for each receiver of the protocol.
 */
export const LAUNCHER_POSITIONS = ["bottom-right", "bottom-left"] as const;
export type LauncherPosition = (typeof LAUNCHER_POSITIONS)[number];

export const DEFAULT_ACCENT_COLOR = "#4f46e5";
export const DEFAULT_LAUNCHER_POSITION: LauncherPosition = "bottom-right";

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** What the launcher needs of the branding; the frame sends it to the page with `ready`. */
export type LauncherBranding = { accentColor: string; launcherPosition: LauncherPosition };

export const isAccentColor = (value: unknown): value is string => typeof value === "string" && HEX_COLOR.test(value);
export const isLauncherPosition = (value: unknown): value is LauncherPosition =>
  typeof value === "string" && (LAUNCHER_POSITIONS as readonly string[]).includes(value);

/** WCAG 2 contrast ratio between white and `hex` (#rrggbb): from 1 (white) to 21 (black). */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** WCAG AA for normal text: the launcher and the frame's header put white text on the accent. */
export const MIN_CONTRAST_WITH_WHITE = 4.5;
