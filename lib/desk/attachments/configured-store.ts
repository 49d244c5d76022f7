import "server-only";
import path from "node:path";
import { env } from "@/lib/shared/env";
import { localDiskStore } from "./store";

/** The Desk's attachment store: the local disk under ATTACHMENTS_DIR (docs/attachments.md says how another would plug in). */
export const attachmentStore = localDiskStore(path.resolve(env.ATTACHMENTS_DIR));
