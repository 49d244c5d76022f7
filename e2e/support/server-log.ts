import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { E2E_DIR } from "./database";

const LOG = path.join(E2E_DIR, "server.log");

/** Marks the server log's current end; `read()` returns what the server logged since. */
export function serverLogFromNow() {
  const start = statSync(LOG).size;
  return { read: () => readFileSync(LOG).subarray(start).toString("utf8") };
}

/** A JavaScript stack frame line, as printed by Node ("    at fn (file:line:col)"). */
export const STACK_FRAME = /^\s+at\s.+(:\d+:\d+\)?|\(native\))$/m;
