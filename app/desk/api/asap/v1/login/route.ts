import { loginBody, type LoginAnswer } from "@/lib/contract/desk-api/session";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { loginToAsap } from "@/lib/desk/iam/login";
import { clientAddress } from "@/lib/shared/http/client-address";
import { requestOrigin } from "@/lib/shared/request-origin";

/** POST /desk/api/asap/v1/login — the IAM server's login, `{ addonId, token }` or `{ addonId, userToken }` (DESIGN §3). */
export function POST(request: Request) {
  return handle(async () => {
    const body = await readJson(request, loginBody);
    const result = await loginToAsap({
      ...body,
      clientIp: clientAddress(request.headers),
      origin: request.headers.get("origin"),
      deskOrigin: requestOrigin(request),
    });
    return json<LoginAnswer>(result);
  });
}
