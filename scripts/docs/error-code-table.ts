import { ALL_ERROR_CODES, ERROR_CODES, raisers, type Side } from "@/lib/contract/errors";

/**
 * The README's table of error codes, generated from the registry (lib/contract/errors.ts) so the two
 * cannot drift: `npx tsx scripts/docs/error-codes.ts --write` rewrites it, and a test fails when the
 * README's copy is not what this makes.
 */
export const START = "<!-- error-codes:start (generated from lib/contract/errors.ts: npx tsx scripts/docs/error-codes.ts --write) -->";
export const END = "<!-- error-codes:end -->";

const SIDE_NAMES: Record<Side, string> = {
  desk: "Desk",
  "test-control": "Desk test control",
  console: "Desk agent console",
  site: "site",
  widget: "widget",
  proxy: "cluster proxy",
};

export function errorCodeTable(): string {
  const rows = ALL_ERROR_CODES.map((code) => {
    const by = raisers(code)
      .map(([side, status]) => `${SIDE_NAMES[side]} ${status ?? "(not over HTTP)"}`)
      .join(", ");
    return `| \`${code}\` | ${by} | ${ERROR_CODES[code].description.replaceAll("|", "\\|")} |`;
  });
  return ["| code | raised by, with its HTTP status | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

/** The README with its table replaced by a fresh one; throws when the markers are missing. */
export function withFreshTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${errorCodeTable()}\n${readme.slice(end)}`;
}
