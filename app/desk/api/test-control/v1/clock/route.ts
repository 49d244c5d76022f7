import { clockBody, emptyQuery, type ClockAnswer } from "@/lib/contract/test-control";
import { json, readJson, readQuery } from "@/lib/desk/api/respond";
import { readClock, setClockOffset } from "@/lib/desk/test-control/clock-control";
import { control } from "@/lib/desk/test-control/respond";

/** GET /desk/api/test-control/v1/clock — the IAM's clock offset and its now. */
export function GET(request: Request) {
  return control(request, async () => {
    readQuery(new URL(request.url), emptyQuery);
    return json<ClockAnswer>(readClock());
  });
}

/** PUT /desk/api/test-control/v1/clock — the IAM checks tokens and sessions as if at wall clock + offsetSeconds. */
export function PUT(request: Request) {
  return control(request, async () => {
    const { offsetSeconds } = await readJson(request, clockBody);
    return json<ClockAnswer>(setClockOffset(offsetSeconds));
  });
}
