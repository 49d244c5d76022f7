/**
 * Widget bundle sizes (run: `npm run bench:widget`): builds the widget in memory, as
 * `npm run build:widget` does, and prints each file's minified and gzipped size against its budget
 * (SDK ≤ 4 KB gzipped: it loads on every page of the business's site; frame ≤ 40 KB). Exits 1 over budget.
 */
import * as esbuild from "esbuild";
import { buildOptions, bundleSizes, formatSizes, overBudget } from "../widget/bundle";

const result = await esbuild.build({ ...buildOptions, write: false });
const sizes = bundleSizes(result.outputFiles);
console.log(`\nWidget bundles (esbuild, minified; gzip -9)\n${formatSizes(sizes)}`);
if (overBudget(sizes).length) process.exit(1);
