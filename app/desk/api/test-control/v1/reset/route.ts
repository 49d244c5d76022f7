import type { ResetAnswer } from "@/lib/contract/test-control";
import { json } from "@/lib/desk/api/respond";
import { resetSimulator } from "@/lib/desk/test-control/reset";
import { control, readNoInput } from "@/lib/desk/test-control/respond";

/** POST /desk/api/test-control/v1/reset — back to the simulator's configured state (docs/test-control-api.md). */
export function POST(request: Request) {
  return control(request, async () => {
    await readNoInput(request);
    return json<ResetAnswer>(await resetSimulator());
  });
}
