/**
 * The headers every page and API answer carries (next.config.ts sets them on Next.js's answers; the
 * routes server.ts answers itself add them too): no one else may frame the site or the portal
 * (clickjacking; X-Frame-Options for old browsers), no type sniffing, referrers cut to the origin
 * across sites. The widget frame and uploaded files send their own CSP instead (see next.config.ts).
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
