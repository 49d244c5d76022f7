/**
 * `npm run build:cluster`: a production build for the cluster tests, into NEXT_DIST_DIR (default
 * .next-cluster, so it never replaces the build `npm start` or the e2e suite uses). next.config.ts
 * validates the environment, so the build gets throwaway secrets; the instances get their own at run time.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { freshSecrets } from "../env-file";

const distDir = process.env.NEXT_DIST_DIR || ".next-cluster";
const placeholder = "http://localhost:3000";
console.log(`▸ building for production into ${distDir}/`);
execFileSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...freshSecrets(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: process.env.DATABASE_URL ?? `file:${path.resolve(".tmp/cluster/build.db")}`,
    ASAP_ADDON_ID: "addon_demo",
    DESK_BASE_URL: placeholder,
    SITE_URL: placeholder,
  },
});
