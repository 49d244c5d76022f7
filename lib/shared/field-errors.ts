import type { z } from "zod";

/** Field name → its first message: the shape forms show beside their inputs. Issues on no field go under "form". */
export type FieldErrors<T> = Partial<Record<keyof T | "form", string>>;

export function fieldErrors<T>(error: z.ZodError<T>): FieldErrors<T> {
  const errors: FieldErrors<T> = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] ?? "form") as keyof T | "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
