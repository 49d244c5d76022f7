import { keyPathParams, rotateKeyBody, type RotateKeyAnswer } from "@/lib/contract/test-control";
import { json, readJson } from "@/lib/desk/api/respond";
import { rotateKey } from "@/lib/desk/test-control/provision";
import { control, readParams } from "@/lib/desk/test-control/respond";

type Params = { params: Promise<{ addonId: string; kid: string }> };

/** POST /desk/api/test-control/v1/addons/{addonId}/keys/{kid}/rotate — a new key; the old one works for the overlap. */
export function POST(request: Request, { params }: Params) {
  return control(request, async () => {
    const { addonId, kid } = await readParams(params, keyPathParams);
    const body = await readJson(request, rotateKeyBody);
    return json<RotateKeyAnswer>(await rotateKey(addonId, kid, body), 201);
  });
}
