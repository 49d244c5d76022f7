/**
 * How the widget is built: esbuild bundles each entry into one minified file under public/asap/,
 * the URLs pages and the Desk's frame document load (sdk.js, frame.js, frame.css).
 */
import { gzipSync } from "node:zlib";
import path from "node:path";
import type { BuildOptions, OutputFile } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
export const OUT_DIR = path.join(root, "public/asap");

/** Gzipped bytes each file may weigh: the SDK is on every page of the business's site. */
export const BUDGETS: Record<string, number> = { "sdk.js": 4 * 1024, "frame.js": 40 * 1024 };

export const buildOptions: BuildOptions = {
  absWorkingDir: root,
  entryPoints: [
    { in: "widget/sdk/main.ts", out: "sdk" },
    { in: "widget/frame/main.ts", out: "frame" },
    { in: "widget/frame/frame.css", out: "frame" },
  ],
  outdir: OUT_DIR,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2022", "chrome100", "firefox100", "safari15.4"],
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};

export type BundleSize = { file: string; bytes: number; gzipped: number; budget: number | null };

/** Sizes of the built .js and .css files (source maps left out), gzipped as a server would send them. */
export function bundleSizes(files: Array<Pick<OutputFile, "path" | "contents">>): BundleSize[] {
  return files
    .filter((file) => /\.(js|css)$/.test(file.path))
    .map((file) => {
      const name = path.basename(file.path);
      return { file: name, bytes: file.contents.byteLength, gzipped: gzipSync(file.contents, { level: 9 }).byteLength, budget: BUDGETS[name] ?? null };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function formatSizes(sizes: BundleSize[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return sizes
    .map(({ file, bytes, gzipped, budget }) => {
      const verdict = budget === null ? "" : gzipped <= budget ? `  (budget ${kb(budget)})` : `  OVER BUDGET ${kb(budget)}`;
      return `  ${file.padEnd(10)} ${kb(bytes).padStart(9)} minified  ${kb(gzipped).padStart(8)} gzipped${verdict}`;
    })
    .join("\n");
}

export const overBudget = (sizes: BundleSize[]) => sizes.filter((size) => size.budget !== null && size.gzipped > size.budget);
