import { z } from "zod";
import { ALL_ERROR_CODES, ERROR_CODES, type HttpErrorCodeOf } from "@/lib/contract/errors";
import { answerShapes } from "./registry";

/** A code the Desk API answers with (the registry's `by.desk`), each with its own HTTP status. */
export type DeskErrorCode = HttpErrorCodeOf<"desk">;

const by = (code: (typeof ALL_ERROR_CODES)[number]): Record<string, number | null | undefined> => ERROR_CODES[code].by;

/** The Desk API's codes, in the registry's order. */
export const DESK_ERROR_CODES = ALL_ERROR_CODES.filter((code): code is DeskErrorCode => typeof by(code).desk === "number");

/**
 * Every failed answer's body, ErrorBody (lib/contract/error-body, which stays zod-free for the
 * widget's bundle), with its code one of the Desk's: a test holds the two types equal.
 */
export const errorAnswer = z
  .strictObject({ error: z.strictObject({ code: z.enum(DESK_ERROR_CODES), message: z.string(), hint: z.string() }) })
  .register(answerShapes, { id: "ErrorBody" });
