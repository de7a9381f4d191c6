// Where to go after sign-in: a path on this site, or "/". A value is accepted only if it, and every
// percent-decoded form of it, starts with exactly one "/", holds no "\", no "//", no dot segment and
// no control character; `/.//evil.example/x`, `//evil.example`, `/\evil.example`, `%2F%2Fevil.example`
// and `https://evil.example` all become "/". The sign-in and sign-out pages themselves also become "/".
const MAX_LENGTH = 2000;
const BASE = "http://gongkai.invalid";

function pathIsSafe(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  if (/[\\\u0000-\u0020\u007f]/.test(value)) return false;
  const path = value.split(/[?#]/, 1)[0] ?? "";
  if (path.includes("//")) return false;
  return !path.split("/").some((segment) => segment === "." || segment === "..");
}

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  let current = value;
  for (let round = 0; round < 4; round += 1) {
    if (!pathIsSafe(current)) return "/";
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return "/";
    }
    if (decoded === current) break;
    if (round === 3) return "/";
    current = decoded;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/api/auth")) return "/";
  return value;
}
