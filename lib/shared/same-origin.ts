import { requestOrigin } from "./request-origin";

/**
 * CSRF defence for state-changing route handlers, which get none from Next.js or Auth.js (OWASP ASVS 5
 * V3): the browser's Fetch Metadata must say same-origin; older browsers without it must send an
 * Origin equal to ours. `Origin: null` (sandboxed frames, some redirects) is always refused.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (origin === "null") return false;
  if (site !== null) return site === "same-origin";
  return origin !== null && origin === requestOrigin(request);
}
