/**
 * `npx tsx scripts/docs/error-codes.ts [--write]`: checks (or, with --write, rewrites) the README's
 * table of error codes against the registry in lib/contract/errors.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withFreshTable } from "./error-code-table";

const readmePath = path.resolve(import.meta.dirname, "../../README.md");
const readme = readFileSync(readmePath, "utf8");
const fresh = withFreshTable(readme);

if (fresh === readme) {
  console.log("README.md's error codes match lib/contract/errors.ts.");
} else if (process.argv.includes("--write")) {
  writeFileSync(readmePath, fresh);
  console.log("README.md's error codes rewritten from lib/contract/errors.ts.");
} else {
  console.error("README.md's error codes differ from lib/contract/errors.ts: run npx tsx scripts/docs/error-codes.ts --write");
  process.exit(1);
}
