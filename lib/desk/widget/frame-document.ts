import "server-only";

import { DEFAULT_ACCENT_COLOR, DEFAULT_LAUNCHER_POSITION, isAccentColor, isLauncherPosition } from "@/widget/protocol/branding";
import type { FrameConfig } from "@/widget/protocol/frame-config";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The widget frame's CSP: only the add-on's allowed origins may embed it (frame-ancestors), and it
 * runs only its own script, talking only to its own origin. Images may also come from blob: URLs:
 * attachments' thumbnails are fetched with the person's credentials and shown from memory.
 */
export function frameContentSecurityPolicy(allowedOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    `frame-ancestors ${allowedOrigins.length ? allowedOrigins.join(" ") : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

type FrameAddon = {
  id: string;
  name: string;
  authMode: string;
  reportOnly: boolean;
  widgetTitle: string | null;
  widgetGreeting: string | null;
  accentColor: string;
  launcherPosition: string;
};

/**
 * The frame's config for `addon` embedded by `parentOrigin`: its branding, with the defaults filled
 * in, and the attachment size limit the Desk enforces (env ATTACHMENT_MAX_BYTES).
 */
export function frameConfig(addon: FrameAddon, parentOrigin: string, attachmentMaxBytes: number): FrameConfig {
  return {
    addonId: addon.id,
    title: addon.widgetTitle || addon.name,
    greeting: addon.widgetGreeting || null,
    parentOrigin,
    authMode: addon.authMode,
    reportOnly: addon.reportOnly,
    // The portal validates both; a row written some other way still gets a look the frame can use.
    accentColor: isAccentColor(addon.accentColor) ? addon.accentColor : DEFAULT_ACCENT_COLOR,
    launcherPosition: isLauncherPosition(addon.launcherPosition) ? addon.launcherPosition : DEFAULT_LAUNCHER_POSITION,
    attachmentMaxBytes,
  };
}

export function frameDocument(config: FrameConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Help · ${escapeHtml(config.title)}</title>
<link rel="stylesheet" href="/asap/frame.css">
<script src="/asap/frame.js" defer></script>
</head>
<body data-config="${escapeHtml(JSON.stringify(config))}">
<noscript>The help center needs JavaScript.</noscript>
</body>
</html>`;
}
