/**
 * `npm run build:widget`: builds the widget into public/asap/ (generated, not committed) and prints
 * its sizes; fails when a file is over its gzipped budget. `--watch` rebuilds on every change.
 * npm run build, dev and setup, and the e2e server, run it first.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { buildOptions, bundleSizes, formatSizes, OUT_DIR, overBudget } from "./bundle";

const watch = process.argv.includes("--watch");
const relative = path.relative(process.cwd(), OUT_DIR) || ".";

/** Empties public/asap/: whatever an earlier build (or an old checkout's hand-written files) left goes. */
const clean = () => rmSync(OUT_DIR, { recursive: true, force: true });

if (watch) {
  clean();
  const context = await esbuild.context({
    ...buildOptions,
    plugins: [
      {
        name: "report",
        setup(build) {
          build.onEnd((result) => {
            if (!result.errors.length) console.log(`▸ widget rebuilt into ${relative}/`);
          });
        },
      },
    ],
  });
  await context.watch();
  console.log("▸ watching widget/ (Ctrl-C stops)");
} else {
  // Written only once the whole build succeeded, so a failed build never leaves half a widget.
  const result = await esbuild.build({ ...buildOptions, write: false });
  clean();
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  const sizes = bundleSizes(result.outputFiles);
  console.log(`▸ widget built into ${relative}/\n${formatSizes(sizes)}`);
  const over = overBudget(sizes);
  if (over.length) {
    console.error(`✗ over budget: ${over.map((size) => size.file).join(", ")}`);
    process.exit(1);
  }
}
