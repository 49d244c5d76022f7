import "server-only";

import type { FrameConfig } from "@/widget/protocol/frame-config";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The widget frame's CSP: only the add-on's allowed origins may embed it (frame-ancestors), and it
 * runs only its own script, talking only to its own origin.
 */
export function frameContentSecurityPolicy(allowedOrigins: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors ${allowedOrigins.length ? allowedOrigins.join(" ") : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function frameDocument(config: FrameConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Help · ${escapeHtml(config.addonName)}</title>
<link rel="stylesheet" href="/asap/frame.css">
<script src="/asap/frame.js" defer></script>
</head>
<body data-config="${escapeHtml(JSON.stringify(config))}">
<noscript>The help center needs JavaScript.</noscript>
</body>
</html>`;
}
