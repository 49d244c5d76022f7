import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
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
          include: ["{lib,components,prisma,scripts,test}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{lib,prisma,scripts,test}/**/*.int.test.ts"],
          // Each test file gets its own SQLite database, copied from one migrated by `prisma migrate deploy`.
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/per-file-database.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
