// Runs before every request but static files and client-side navigations: sets the security headers (lib/security/headers.ts,
// with a fresh CSP nonce that Next.js applies to its scripts), and sends page requests without a
// session cookie to the sign-in page. The pages and the data layer check the session again; this only
// spares them anonymous traffic. /api/* answers for itself (JSON 401, Bearer tokens).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/security/headers";

function servedOverHttps(request: NextRequest): boolean {
  return request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:" || Boolean(getEnv().NEXTAUTH_URL?.startsWith("https://"));
}

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

const PUBLIC_PATHS = ["/login", "/api/"];

export async function proxy(request: NextRequest) {
  const https = servedOverHttps(request);
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, https, development: getEnv().NODE_ENV === "development" });
  const { pathname } = request.nextUrl;

  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(path));
  if (!isPublic && !(await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET, decode: decodeSessionToken }))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const target = `${pathname}${request.nextUrl.search}`;
    if (target !== "/") url.searchParams.set("callbackUrl", target);
    return withSecurityHeaders(NextResponse.redirect(url), csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

export const config = {
  // Everything except the build's static files and the client-side navigations (next.config.ts gives
  // both the static headers). A navigation (`RSC: 1`, the router's fetch of a page's payload) is no
  // document: a CSP or nonce means nothing there (the scripts it brings are loaded by the page's own,
  // which 'strict-dynamic' trusts), and the page checks the session itself, as every page does. Running
  // this for it cost 1–1.3 ms of CPU per navigation (Next builds a Request and copies the headers
  // twice), a fifth of the cheapest one (docs/decisions/0074). A Server Action's POST has no `RSC`
  // header: it still comes through here.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "rsc" }] }],
};
