// XLSX date cells in the built-in East-Asian number formats (ids 27–36 and 50–58: yyyy"年"m"月"d"日",
// m"月"d"日" …, which Excel and WPS write for Chinese dates without declaring them in styles.xml).
// ExcelJS knows only the locale-neutral built-in formats, so it reads such a cell as its serial
// number ("45352"). Declaring the formats explicitly, with their zh-CN codes (ECMA-376 Part 1,
// §18.8.30), before ExcelJS reads the workbook lets it see a date format and return a date.
import JSZip from "jszip";

/** The zh-CN codes of the East-Asian built-in date and time formats. */
export const EAST_ASIAN_BUILT_IN_DATE_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const STYLES_PATH = "xl/styles.xml";

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The workbook with every East-Asian built-in date format its cell styles use declared in styles.xml;
 * the same bytes when there is none (or the file is not a readable zip: ExcelJS then reports it).
 */
export async function declareBuiltInDateFormats(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  const styles = zip.file(STYLES_PATH);
  if (!styles) return bytes;
  const xml = await styles.async("string");
  const cellFormats = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const used = new Set([...cellFormats.matchAll(/\bnumFmtId="(\d+)"/g)].map((match) => Number(match[1])));
  const declared = new Set([...xml.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((match) => Number(match[1])));
  const missing = [...used].filter((id) => Object.hasOwn(EAST_ASIAN_BUILT_IN_DATE_FORMATS, id) && !declared.has(id)).sort((a, b) => a - b);
  if (missing.length === 0) return bytes;

  const declarations = missing
    .map((id) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(EAST_ASIAN_BUILT_IN_DATE_FORMATS[id] ?? "")}"/>`)
    .join("");
  let patched: string;
  if (/<numFmts\b[^>]*\/>/.test(xml)) patched = xml.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${declarations}</numFmts>`);
  else if (/<numFmts\b[^>]*>/.test(xml)) patched = xml.replace(/<numFmts\b[^>]*>/, (open) => `${open}${declarations}`);
  else patched = xml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts count="${missing.length}">${declarations}</numFmts>`);
  zip.file(STYLES_PATH, patched);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
