import { siteJwks } from "@/lib/site/asap/issue-token";

export const dynamic = "force-dynamic";

/** GET /.well-known/jwks.json — the site's public signing key, for an add-on that reads its JWKS URL. */
export function GET() {
  return Response.json(siteJwks(), { headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=300" } });
}
