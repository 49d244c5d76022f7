import { deskApiDocument } from "@/lib/contract/desk-api/openapi/document";

/** GET /desk/api/asap/v1/openapi.json — the Desk API's OpenAPI 3.1 document (lib/contract/desk-api/openapi). */
export function GET() {
  // Public, and the same until the next deploy; a short max-age lets a deploy show within minutes.
  return Response.json(deskApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
