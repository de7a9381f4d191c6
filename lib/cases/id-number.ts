// 证件号码 is free text (interfaces.md §2). Where it holds an 18-digit 居民身份证号码, its check digit
// (GB 11643-1999, ISO 7064 MOD 11-2) can be verified: a wrong one is most likely a typing error, so the
// registration form warns, and never refuses (the applicant's document is what it is).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";
/** 17 digits and a digit or X, not inside a longer run of letters and digits. */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17})([0-9Xx])(?![0-9A-Za-z])/;

function isBirthDate(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The check digit of the first 17 digits of an 18-digit ID number. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? "";
}

/**
 * A warning in Chinese when the text holds an 18-digit ID number (with a real birth date in positions
 * 7–14, which tells it from an all-digit 统一社会信用代码) whose check digit is wrong; otherwise null.
 */
export function idNumberWarning(text: string): string | null {
  const match = ID_NUMBER.exec(text.trim());
  if (!match) return null;
  const [, first17 = "", given = ""] = match;
  if (!isBirthDate(first17.slice(6, 14))) return null;
  const expected = idNumberCheckCharacter(first17);
  if (given.toUpperCase() === expected) return null;
  return `身份证号码的校验位应为 ${expected}，现为 ${given.toUpperCase()}：请核对是否录错（仍可登记）`;
}
