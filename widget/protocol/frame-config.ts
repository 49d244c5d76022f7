/**
 * What the Desk tells the frame it serves, as JSON in the body's data-config attribute (the frame's
 * CSP allows no inline script). lib/desk/widget/frame-document.ts writes it; the frame reads it.
 */
export type FrameConfig = {
  addonId: string;
  addonName: string;
  /** The embedding page's exact origin, already checked against the add-on's allowed origins. */
  parentOrigin: string;
  authMode: string;
};

export function readFrameConfig(body: HTMLElement): FrameConfig {
  const config = JSON.parse(body.getAttribute("data-config") ?? "null") as Partial<FrameConfig> | null;
  const { addonId, addonName, parentOrigin, authMode } = config ?? {};
  if (typeof addonId !== "string" || typeof addonName !== "string" || typeof parentOrigin !== "string" || typeof authMode !== "string") {
    throw new Error("[ASAP] the frame document carries no valid data-config");
  }
  return { addonId, addonName, parentOrigin, authMode };
}
