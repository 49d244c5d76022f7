import type { NextConfig } from "next";
import { parseServerEnv } from "./lib/shared/env-schema";

// Fail `next build`, `next dev` and `next start` at once, with a readable message, on a bad environment.
parseServerEnv(process.env);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  typedRoutes: false,
};

export default nextConfig;
