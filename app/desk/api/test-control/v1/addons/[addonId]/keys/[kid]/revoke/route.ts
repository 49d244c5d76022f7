import { keyPathParams, type RevokeKeyAnswer } from "@/lib/contract/test-control";
import { json } from "@/lib/desk/api/respond";
import { revokeKey } from "@/lib/desk/test-control/provision";
import { control, readNoInput, readParams } from "@/lib/desk/test-control/respond";

type Params = { params: Promise<{ addonId: string; kid: string }> };

/** POST /desk/api/test-control/v1/addons/{addonId}/keys/{kid}/revoke — tokens it signs are refused from now on. */
export function POST(request: Request, { params }: Params) {
  return control(request, async () => {
    const { addonId, kid } = await readParams(params, keyPathParams);
    await readNoInput(request);
    return json<RevokeKeyAnswer>({ key: await revokeKey(addonId, kid) });
  });
}
