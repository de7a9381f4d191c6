// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 seconds, what every authenticator app
// reads from an otpauth:// QR code) with otpauth (docs/decisions/0063), and recovery codes.
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";

export const TOTP_ISSUER = "公开 Gongkai";
const PERIOD_SECONDS = 30;
/** One step either side: a phone clock off by up to 30 seconds still works. */
const WINDOW = 1;

function totpFor(secretBase32: string, username = ""): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits, RFC 4226 §4), base32 as authenticator apps take it. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI of the enrolment QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/** The QR code as an SVG document, rendered on the server (nothing is fetched). */
export function totpQrSvg(secretBase32: string, username: string): string {
  return renderSVG(totpUri(secretBase32, username), { ecc: "M", pixelSize: 5, border: 2 });
}

/** The code for a moment (tests and the enrolment check). */
export function totpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}

/**
 * The time step a code belongs to when it is valid at `now` (within one step either way), else null.
 * The caller refuses a step at or before the last one accepted, so that a code signs in once.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

// ---------------------------------------------------------------------------------------------
// Recovery codes: 10 of them, each 10 characters from an alphabet without look-alikes (50 bits),
// shown as XXXXX-XXXXX, stored as SHA-256 (random codes need no slow hash).

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const characters = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}

/** Recovery codes are typed with or without the dash, in either case. */
export function normalizeRecoveryCode(code: string): string | null {
  const normalized = code.replace(/[\s-]+/g, "").toUpperCase();
  return /^[A-Z0-9]{10}$/.test(normalized) ? normalized : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("base64url");
}
