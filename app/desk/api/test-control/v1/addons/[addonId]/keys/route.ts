import { addonPathParams, createKeyBody, type CreateKeyAnswer } from "@/lib/contract/test-control";
import { json, readJson } from "@/lib/desk/api/respond";
import { addKey } from "@/lib/desk/test-control/provision";
import { control, readParams } from "@/lib/desk/test-control/respond";

type Params = { params: Promise<{ addonId: string }> };

/** POST /desk/api/test-control/v1/addons/{addonId}/keys — another key, given or fresh. */
export function POST(request: Request, { params }: Params) {
  return control(request, async () => {
    const { addonId } = await readParams(params, addonPathParams);
    const body = await readJson(request, createKeyBody);
    return json<CreateKeyAnswer>({ key: await addKey(addonId, body) }, 201);
  });
}
