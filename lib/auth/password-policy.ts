// What a new password must be (等保 2.0 身份鉴别 a, ASVS V2.1): at least 12 characters, letters and
// digits, not the username, and not a common password. The common list is the 49,000 passwords of
// @zxcvbn-ts/language-common (docs/decisions/0065) plus common-passwords-zh.ts; a password is refused
// when it is on the list as typed or once the digits and signs around a word are taken off
// ("Password2026!" is "password").
import { dictionary } from "@zxcvbn-ts/language-common";
import { COMMON_PASSWORDS_ZH } from "./common-passwords-zh";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

let commonPasswords: ReadonlySet<string> | undefined;

function loadCommonPasswords(): ReadonlySet<string> {
  if (!commonPasswords) {
    commonPasswords = new Set([...dictionary["passwords-common"], ...COMMON_PASSWORDS_ZH].map((word) => word.toLowerCase()));
  }
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  const list = loadCommonPasswords();
  if (list.has(lower)) return true;
  const word = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  return word.length >= 4 && list.has(word);
}

/** The first rule a new password breaks, in Chinese, or null. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码最多 ${PASSWORD_MAX_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "密码须同时包含字母和数字";
  if (username && containsUsername(password, username)) return USERNAME_PROBLEM;
  if (isCommonPassword(password)) return "该密码过于常见，容易被猜中，请换一个";
  return null;
}

export const USERNAME_PROBLEM = "密码不能包含用户名";

export function containsUsername(password: string, username: string): boolean {
  return username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
}
