import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import type { DatabaseServer } from "./test/integration/databases";

const root = import.meta.dirname;

// PostgreSQL runs the same integration tests, except those for SQLite alone, plus its own, when
// TEST_POSTGRES_URL names a server (an admin URL: each run creates and drops its own databases there).
const postgresAdminUrl = process.env.TEST_POSTGRES_URL;

const INTEGRATION = "{lib,prisma,scripts,test}/**/*.int.test.ts";
const POSTGRES_ONLY = "**/*.pg.int.test.ts";
const SQLITE_ONLY = "**/*.sqlite.int.test.ts";

/** Each test file gets its own database, cloned from a template migrated once per run. */
function integration(name: string, databaseServer: DatabaseServer, exclude?: string[]): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: [INTEGRATION],
      exclude,
      provide: { databaseServer },
      globalSetup: ["test/integration/global-setup.ts"],
      setupFiles: ["test/integration/per-file-database.ts"],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

// Said once after the summary, so a green run is never mistaken for one that covered PostgreSQL
// (Vitest evaluates this file more than once per run).
const notice = globalThis as { postgresNoticeQueued?: boolean };
if (!postgresAdminUrl && !notice.postgresNoticeQueued) {
  notice.postgresNoticeQueued = true;
  process.once("exit", () => {
    console.log(
      "PostgreSQL integration tests were not run: set TEST_POSTGRES_URL to a server's admin URL to run them, e.g. TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run test:unit",
    );
  });
}

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The integrators' toolkit, by its package name, as the e2e suite and examples/ import it.
      { find: /^asap-playwright$/, replacement: path.join(root, "packages/asap-playwright/src/index.ts") },
      // Outside Next's react-server build `server-only` throws by design; tests run server code directly.
      { find: "server-only", replacement: path.join(root, "test/server-only-stub.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,components,prisma,scripts,test,widget,packages,examples}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
        },
      },
      integration("integration", { dialect: "sqlite" }, [POSTGRES_ONLY]),
      ...(postgresAdminUrl ? [integration("integration-pg", { dialect: "postgres", adminUrl: postgresAdminUrl }, [SQLITE_ONLY])] : []),
    ],
  },
});
