import { defineConfig } from "@playwright/test";

/**
 * The cluster acceptance runs (`npm run test:cluster`): several production instances of the app on
 * one database, started, killed and restarted by the specs themselves (scripts/cluster/), so there is
 * no webServer. No browser either: the specs speak HTTP. The global setup builds nothing: it expects
 * a production build in NEXT_DIST_DIR (`npm run build:cluster` makes one in .next-cluster) and
 * migrates the database, CLUSTER_DATABASE_URL or else a fresh SQLite file in .tmp/cluster.
 */
export default defineConfig({
  testDir: "e2e-cluster",
  globalSetup: "./e2e-cluster/global-setup.ts",
  outputDir: ".tmp/cluster/test-results",
  forbidOnly: Boolean(process.env.CI),
  // A load-and-fault run is not retried: a failure that passes on a second try is still a finding.
  retries: 0,
  workers: 1,
  timeout: 12 * 60_000,
  reporter: [["list"]],
});
