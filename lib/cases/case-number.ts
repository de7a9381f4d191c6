// Case numbers per organization and year from a configurable pattern. Pure.
//   {前缀} the organization's prefix · {年} the four-digit year · {序号} or {序号:N} the sequence,
//   zero-padded to N digits.
const TOKEN = /\{(前缀|年|序号)(?::(\d{1,2}))?\}/g;

export const DEFAULT_CASE_NUMBER_PATTERN = "{前缀}-{年}-{序号:6}";

export function formatCaseNumber(pattern: string, values: { prefix: string; year: number; sequence: number }): string {
  return pattern.replace(TOKEN, (_match, token: string, width: string | undefined) => {
    if (token === "前缀") return values.prefix;
    if (token === "年") return String(values.year);
    return String(values.sequence).padStart(width ? Number(width) : 0, "0");
  });
}

/** A Chinese message when the pattern cannot produce unique numbers, else null. */
export function checkCaseNumberPattern(pattern: string): string | null {
  if (pattern.length > 40) return "编号规则最多 40 个字符";
  const tokens = [...pattern.matchAll(TOKEN)].map((match) => match[1]);
  if (!tokens.includes("年") || !tokens.includes("序号")) return "编号规则须包含 {年} 和 {序号}（序号按机构和年份分别编号）";
  const leftover = pattern.replace(TOKEN, "");
  if (/[{}]/.test(leftover)) return "编号规则只能使用 {前缀}、{年}、{序号} 或 {序号:位数}";
  return null;
}
