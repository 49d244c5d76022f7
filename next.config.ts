import type { NextConfig } from "next";
import { parseServerEnv } from "./lib/shared/env-schema";

// Fail `next build`, `next dev` and `next start` at once, with a readable message, on a bad environment.
parseServerEnv(process.env);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder, so it never disturbs a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "jsdom"],
  typedRoutes: false,
};

export default nextConfig;
