import "server-only";
import { env } from "../env";
import { isPostgresUrl } from "../prisma-client";

/** Which database this process runs on, for the few places that must differ (ticket numbers, chat events). */
export const dialect: "sqlite" | "postgres" = isPostgresUrl(env.DATABASE_URL) ? "postgres" : "sqlite";
