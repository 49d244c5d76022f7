import { addonPathParams, loginEventsQuery, type LoginEventsAnswer } from "@/lib/contract/test-control";
import { json, readQuery } from "@/lib/desk/api/respond";
import { readLoginEvents } from "@/lib/desk/test-control/queries";
import { control, readParams } from "@/lib/desk/test-control/respond";

type Params = { params: Promise<{ addonId: string }> };

/** GET /desk/api/test-control/v1/addons/{addonId}/login-events?outcome=&code= — the login log, newest first. */
export function GET(request: Request, { params }: Params) {
  return control(request, async () => {
    const { addonId } = await readParams(params, addonPathParams);
    const filter = readQuery(new URL(request.url), loginEventsQuery);
    return json<LoginEventsAnswer>({ events: await readLoginEvents(addonId, filter) });
  });
}
