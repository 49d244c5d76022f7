/**
 * Prisma's known request errors, told apart by class name and code rather than `instanceof`: the
 * SQLite and PostgreSQL clients are generated separately and each carries its own error classes.
 */
export function prismaErrorCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** A unique constraint refused the write (P2002): someone else got there first. */
export const isUniqueViolation = (error: unknown) => prismaErrorCode(error) === "P2002";

/** A foreign key named a row that does not exist (P2003). */
export const isMissingReference = (error: unknown) => prismaErrorCode(error) === "P2003";
