// The API token itself: "gk_" and 32 random bytes (base64url). Only its SHA-256 is stored: a token is
// random, so a fast hash is enough, and the lookup is one indexed equality.
import { createHash, randomBytes } from "node:crypto";

const PREFIX = "gk_";
const TOKEN_PATTERN = /^gk_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashApiToken(token), tokenPrefix: token.slice(0, 10) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** The token of an `Authorization: Bearer …` header, or null when the header holds none. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const token = match?.[1];
  return token && TOKEN_PATTERN.test(token) ? token : null;
}
