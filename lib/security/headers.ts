// The security headers of every response (docs/decisions/0064): a nonce-based Content-Security-Policy
// the way Next.js documents it (proxy.ts makes a nonce per request; Next.js puts it on its own
// scripts), no framing, no MIME sniffing, same-origin referrers, no powerful browser features, and
// HSTS when the site is served over HTTPS.

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** One year, subdomains included (a government domain serves HTTPS throughout). */
const HSTS = "max-age=31536000; includeSubDomains";

export function contentSecurityPolicy({ nonce, https, development }: { nonce: string; https: boolean; development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the scripts Next.js loads from its nonce-carrying bootstrap are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React renders some layout as style attributes (bar widths, table cells); attributes cannot load
    // or run anything.
    "style-src-attr 'unsafe-inline'",
    // data: for the QR code of the second-factor enrolment.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers that do not depend on the request (also for static files, next.config.ts). */
export function staticSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // For browsers that predate CSP frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
