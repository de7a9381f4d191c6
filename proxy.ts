// Sends requests without a session cookie to the sign-in page before any page code runs. The pages
// and the data layer check the session again; this only spares them anonymous traffic.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything except sign-in, the auth and health endpoints, the public report API and static files.
  matcher: ["/((?!login|api/auth|api/health|api/v1|_next/static|_next/image|favicon.ico).*)"],
};
