import { createAddonBody, type CreateAddonAnswer } from "@/lib/contract/test-control";
import { json, readJson } from "@/lib/desk/api/respond";
import { provisionAddon } from "@/lib/desk/test-control/provision";
import { control } from "@/lib/desk/test-control/respond";

/** POST /desk/api/test-control/v1/addons — an add-on with a known key, no portal click. */
export function POST(request: Request) {
  return control(request, async () => {
    const body = await readJson(request, createAddonBody);
    return json<CreateAddonAnswer>(await provisionAddon(body), 201);
  });
}
