import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshSecrets } from "../scripts/env-file";
import { CLUSTER_DIR, DIST_DIR, ENV_FILE, type ClusterEnv } from "./run-env";

/**
 * Checks the build, prepares the shared database with the project's own migration command, and
 * writes the instances' environment with throwaway secrets, as scripts/e2e-server.ts does for e2e.
 * CLUSTER_DATABASE_URL (e.g. postgresql://…) is used as it is: the specs only count their own rows.
 */
export default function globalSetup() {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    throw new Error(
      `No production build in ${DIST_DIR}/. Build one first: \`npm run build:cluster\`, or point NEXT_DIST_DIR at an existing build (e.g. NEXT_DIST_DIR=.next-e2e after \`npm run test:e2e\`).`,
    );
  }
  rmSync(CLUSTER_DIR, { recursive: true, force: true });
  mkdirSync(CLUSTER_DIR, { recursive: true });
  const databaseUrl = process.env.CLUSTER_DATABASE_URL || `file:${path.join(CLUSTER_DIR, "cluster.db")}`;
  console.log(`[cluster] migrating ${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}`);
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "inherit" });

  const env: ClusterEnv = {
    ...freshSecrets(),
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    ASAP_ADDON_ID: "addon_demo",
    ASAP_JWT_KID: "demo-key-1",
    // Legacy-flow endpoints in future specs run on loopback, as in e2e.
    DESK_ALLOW_PRIVATE_ENDPOINTS: "true",
    // The instances sit behind the cluster proxy on loopback, which names each client's address.
    TRUSTED_PROXIES: "loopback",
  };
  writeFileSync(ENV_FILE, JSON.stringify(env), { mode: 0o600 });
}
