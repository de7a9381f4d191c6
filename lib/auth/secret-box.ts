// Encrypts small secrets kept in the database (TOTP secrets) with AES-256-GCM, under a key derived
// from NEXTAUTH_SECRET with HKDF: a copy of the database alone (a backup, a leaked dump) does not
// reveal them. Changing NEXTAUTH_SECRET makes them unreadable: users then enrol their second factor
// again (an administrator resets it). Format: v1.<iv>.<tag>.<ciphertext>, base64url.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "../env";

const VERSION = "v1";

function key(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET 未设置：无法加密或解密双因素认证密钥");
  return Buffer.from(hkdfSync("sha256", secret, "gongkai", "gongkai secret box v1", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The plain secret, or null when the value was sealed under another key or is malformed. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
