import { readVisitor } from "@/lib/site/visitor";

export const dynamic = "force-dynamic";

/** GET /api/visitor — the signed-in user's name and email (or null) and the widget's settings; never cached. */
export async function GET() {
  return Response.json(await readVisitor(), { headers: { "Cache-Control": "private, no-store" } });
}
