import { deflectionBody } from "@/lib/contract/desk-api/deflections";
import { handle, readJson } from "@/lib/desk/api/respond";
import { recordDeflection } from "@/lib/desk/help-center/deflections";
import { clientAddress } from "@/lib/shared/http/client-address";

/** POST /desk/api/asap/v1/deflections — anyone: a suggested article was opened from the ticket form. */
export function POST(request: Request) {
  return handle(async () => {
    await recordDeflection(await readJson(request, deflectionBody), clientAddress(request.headers));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}
