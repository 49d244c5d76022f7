import type { ErrorDetail } from "@/lib/contract/error-body";
import { httpStatus, type HttpErrorCodeOf } from "@/lib/contract/errors";

/** A test-control API refusal: a stable code (lib/contract/errors.ts, side "test-control"), a message and a hint. */
export type TestControlErrorCode = HttpErrorCodeOf<"test-control">;

export class TestControlError extends Error {
  override name = "TestControlError";

  constructor(
    readonly code: TestControlErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }

  get status(): number {
    return httpStatus("test-control", this.code);
  }

  toJSON(): ErrorDetail<TestControlErrorCode> {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}
