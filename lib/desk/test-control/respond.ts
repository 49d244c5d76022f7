import "server-only";
import type { z } from "zod";
import { errorCodesOf } from "@/lib/contract/errors";
import { emptyBody } from "@/lib/contract/test-control";
import { readJson } from "@/lib/desk/api/respond";
import { AsapError } from "@/lib/desk/iam/errors";
import { logError } from "@/lib/shared/log-error";
import { checkControlAccess } from "./gate";
import { TestControlError, type TestControlErrorCode } from "./errors";

const NO_STORE = { "Cache-Control": "no-store" };
const CODES: readonly string[] = errorCodesOf("test-control");

function errorAnswer(error: TestControlError): Response {
  return Response.json({ error: error.toJSON() }, { status: error.status, headers: NO_STORE });
}

/**
 * Runs a test-control handler behind the gate (404 while off, 401 without the token). The Desk's
 * body and query readers raise AsapErrors (VALIDATION_FAILED, UNSUPPORTED_MEDIA_TYPE), answered
 * with this API's status for the code; anything else is logged on one line and answered as a bare 500.
 */
export async function control(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    checkControlAccess(request.headers);
    return await work();
  } catch (error) {
    if (error instanceof TestControlError) return errorAnswer(error);
    if (error instanceof AsapError && CODES.includes(error.code)) {
      return errorAnswer(new TestControlError(error.code as TestControlErrorCode, error.message, error.hint));
    }
    logError("[test-control] unexpected error:", error);
    return errorAnswer(new TestControlError("INTERNAL", "Something went wrong on the Desk.", "The Desk's log has the cause."));
  }
}

/** Path parameters against their schema, or VALIDATION_FAILED naming the bad one. */
export async function readParams<T>(params: Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new TestControlError("VALIDATION_FAILED", `The path parameter "${issue?.path.join(".") || "path"}" is not valid: ${issue?.message ?? "invalid"}.`, "See docs/test-control-api.md.");
}

/** For calls without input: `{}`, or no body at all (a bearer-authenticated call is no cross-site form post). */
export async function readNoInput(request: Request): Promise<void> {
  if (!request.headers.get("content-type") && (await request.clone().text()) === "") return;
  await readJson(request, emptyBody);
}
