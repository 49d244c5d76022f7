import { db } from "@/lib/shared/db";
import { logError } from "@/lib/shared/log-error";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for `webServer` in Playwright and for load balancers. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logError("Health check: database unreachable:", error);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
