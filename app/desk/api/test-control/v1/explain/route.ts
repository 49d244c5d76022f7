import { explainBody, type ExplainAnswer } from "@/lib/contract/test-control";
import { json, readJson } from "@/lib/desk/api/respond";
import { explainToken } from "@/lib/desk/iam/explain-token";
import { control } from "@/lib/desk/test-control/respond";

/** POST /desk/api/test-control/v1/explain — the portal debugger's report on a token, on the IAM's clock; spends no jti, logs nothing. */
export function POST(request: Request) {
  return control(request, async () => {
    const { addonId, token } = await readJson(request, explainBody);
    return json<ExplainAnswer>({ explanation: await explainToken(addonId, token) });
  });
}
