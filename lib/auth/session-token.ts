// The session cookie's JWT, decrypted once per token and process. next-auth derives the key (HKDF) and
// decrypts the JWE on every call; the proxy and the page each did so on every request (about 2 % of the
// server's CPU under npm run loadtest, ADR 0084). A token is the same encrypted string for its whole
// life, so its payload is kept here, bounded, until the token's own expiry. Only successfully decoded
// tokens are kept (a forged one is refused afresh each time); the server-side session behind the token
// is still checked on every request (sessions.ts), so revoking a session takes effect at once.
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

const MAX_TOKENS = 2000;

const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; payload: JWT; expiresAtMs: number }>();

/** next-auth's `decode`, with the payloads of valid tokens kept until they expire. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret } = params;
  if (!token) return null;
  const kept = decoded.get(token);
  if (kept) {
    if (kept.secret === secret && Date.now() < kept.expiresAtMs) return kept.payload;
    decoded.delete(token);
  }
  const payload = await decode(params);
  if (!payload) return null;
  // Without an expiry (never issued so by next-auth), nothing is kept.
  if (typeof payload.exp !== "number") return payload;
  if (decoded.size >= MAX_TOKENS) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { secret, payload, expiresAtMs: payload.exp * 1000 });
  return payload;
}
