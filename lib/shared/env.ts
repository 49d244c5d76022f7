import "server-only";
import { parseServerEnv } from "./env-schema";

/** The validated server environment. Feature code reads this, never `process.env`. */
export const env = parseServerEnv(process.env);
