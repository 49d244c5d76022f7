import path from "node:path";
import type { NextConfig } from "next";
import { parseServerEnv } from "./lib/shared/env-schema";
import { SECURITY_HEADERS } from "./lib/shared/http/security-headers";

// Fail `next build`, `next dev` and `next start` at once, with a readable message, on a bad environment.
parseServerEnv(process.env);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The e2e suite builds into its own folder, so it never disturbs a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native modules, and PostgreSQL's separately generated Prisma client, stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "jsdom", "pg", "@prisma/adapter-pg", "prisma-client-pg"],
  typedRoutes: false,
  // Rendered pages and fetched data, in memory, dropped when the Desk's help content changes (on any
  // instance): see the file. Its own bound replaces Next.js's in-memory cache.
  cacheHandler: path.join(process.cwd(), "lib/site/help-center/page-cache.mjs"),
  cacheMaxMemorySize: 0,
  async headers() {
    return [
      {
        // Every page and API answer except the widget frame, whose route sends its own CSP with the
        // add-on's allowed embedders, and uploaded files (attachments/{id}[/thumbnail]), whose routes
        // send a sandboxing one (lib/shared/http/file-response.ts): a header set here would replace it.
        source: "/:path((?!desk/widget/frame$|(?:desk/api/asap/v1|desk/agent|help)/attachments/(?!rules$)[A-Za-z0-9_-]+(?:/thumbnail)?$).*)",
        headers: [...SECURITY_HEADERS],
      },
    ];
  },
};

export default nextConfig;
