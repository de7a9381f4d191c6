// Reading a published annual report's tables, from this system or not (rules.md §7), for the report
// checker: the report as data (interfaces.md §3), a workbook or a Word document in the official
// layout, or the tables as text (pasted from a spreadsheet — tab-separated —, from a web page or a
// PDF). Tables 三 and 四 of the 2019 and 2021 formats are found by their printed row labels, whatever
// the columns around them; the statistics tables of the years before 2019 are read by
// lib/reports/pre2019.ts. Pure apart from unzipping: nothing here touches the database.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { z } from "zod";
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  APPEAL_GROUP_LABELS,
  APPLICATIONS_ROWS,
  COLUMN_KEYS,
  COLUMN_LABELS,
  ORGANIZATION_COLUMN_KEYS,
  REPORT_FORMATS,
  ROW_KEYS,
  type AppealsTable,
  type ApplicationsTable,
  type ReportFormat,
  type RowKey,
} from "./definitions";
import type { CheckedTables } from "./checks";
import { readPre2019Tables, type Pre2019Tables } from "./pre2019";
import { normalizeLabel, type TextGrid } from "./report-labels";

export type { TextGrid } from "./report-labels";

export type ReadReport =
  | { kind: "tables"; year: number | null; tables: CheckedTables }
  | { kind: "pre2019"; year: number | null; tables: Pre2019Tables };

export type ReadReportResult = { ok: true; report: ReadReport } | { ok: false; message: string };

const failed = (message: string): ReadReportResult => ({ ok: false, message });

// ---------------------------------------------------------------------------------------------
// Labels

interface RowMatcher {
  format: ReportFormat | "both";
  key: RowKey;
  exact: Set<string>;
  prefix: string | null;
}

/** Long labels that reports shorten or word differently: a distinctive beginning is enough. */
const LABEL_PREFIXES: Partial<Record<RowKey, string>> = {
  new_received: "一本年新收",
  carried_in: "二上年结转",
  partially_granted: "(二)部分公开",
  other_no_correction: "1申请人无正当理由逾期不补正",
  other_fee_unpaid: "2申请人逾期未按收费通知",
  carried_out: "四结转下年度",
};

function buildRowMatchers(): RowMatcher[] {
  const byKey = new Map<RowKey, RowMatcher>();
  for (const format of REPORT_FORMATS) {
    for (const row of APPLICATIONS_ROWS[format]) {
      const existing = byKey.get(row.key);
      const normalized = normalizeLabel(row.label);
      // "1.属于国家秘密" is also written without its number; "3.其他" is not, it would be the column 其他.
      const withoutNumber = normalized.replace(/^\d+/, "");
      const forms = [normalized, ...(withoutNumber !== normalized && withoutNumber !== "其他" ? [withoutNumber] : [])];
      if (existing) {
        existing.format = "both";
        for (const form of forms) existing.exact.add(form);
      } else {
        byKey.set(row.key, { format, key: row.key, exact: new Set(forms), prefix: LABEL_PREFIXES[row.key] ?? null });
      }
    }
  }
  return [...byKey.values()];
}

const ROW_MATCHERS = buildRowMatchers();

/** Cells that head a group of rows (they never carry figures of their own in the 2021 format). */
const GROUP_LABELS = new Set(["三本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"].map(normalizeLabel));

function rowKeyOfLabel(normalized: string): RowKey | null {
  if (normalized === "") return null;
  for (const matcher of ROW_MATCHERS) {
    if (matcher.exact.has(normalized) || (matcher.prefix && normalized.startsWith(matcher.prefix))) return matcher.key;
  }
  return null;
}

const isLabelCell = (normalized: string) => rowKeyOfLabel(normalized) !== null || GROUP_LABELS.has(normalized);

// ---------------------------------------------------------------------------------------------
// Numbers

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A figure cell's number ("1,234" and full-width digits accepted), or null when it is not a number. */
function numberOf(text: string): number | null {
  const compact = text.normalize("NFKC").replace(/[\s,]/g, "");
  return NUMBER.test(compact) ? Number(compact) : null;
}

interface FigureProblem {
  message: string;
}

function countOf(value: number, where: string): number | FigureProblem {
  if (!Number.isInteger(value) || value < 0) return { message: `${where}的“${value}”不是件数（应为非负整数）` };
  return value;
}

// ---------------------------------------------------------------------------------------------
// Table 三 and 四 from a grid

/** Columns of the 7 figures, from the header (自然人 … 总计), when the grid keeps the sheet's columns. */
function applicantColumnPositions(grid: TextGrid): number[] | null {
  const labels = COLUMN_KEYS.map((key) => normalizeLabel(COLUMN_LABELS[key]));
  for (let rowIndex = 0; rowIndex < grid.length; rowIndex += 1) {
    const row = grid[rowIndex]!.map(normalizeLabel);
    const naturalPerson = row.indexOf(labels[0]!);
    const total = row.indexOf(labels[6]!, naturalPerson + 1);
    if (naturalPerson === -1 || total === -1) continue;
    // The five organization columns sit in the next header row, under 法人或其他组织.
    const organizations = (grid[rowIndex + 1] ?? []).map(normalizeLabel);
    const positions = ORGANIZATION_COLUMN_KEYS.map((key) => organizations.indexOf(normalizeLabel(COLUMN_LABELS[key])));
    if (positions.some((position) => position <= naturalPerson || position >= total)) continue;
    return [naturalPerson, ...positions, total];
  }
  return null;
}

interface FoundRow {
  key: RowKey;
  label: string;
  counts: number[];
}

function figureCellsAfter(row: readonly string[], labelIndex: number): string[] {
  const figures: string[] = [];
  for (const cell of row.slice(labelIndex + 1)) {
    if (cell.trim() === "") continue;
    if (numberOf(cell) === null) {
      if (figures.length > 0) break;
      continue;
    }
    figures.push(cell);
  }
  return figures;
}

function readApplicationsRows(grid: TextGrid): { rows: FoundRow[]; problems: string[] } {
  const positions = applicantColumnPositions(grid);
  const hasSubtotalColumn = grid.some((row) => row.some((cell) => normalizeLabel(cell) === "小计"));
  const rows: FoundRow[] = [];
  const problems: string[] = [];
  const seen = new Set<RowKey>();
  for (const row of grid) {
    const normalized = row.map(normalizeLabel);
    for (let index = 0; index < row.length; index += 1) {
      const key = rowKeyOfLabel(normalized[index]!);
      if (!key) continue;
      // A label followed by another label heads a group ("（六）其他处理" in the 2021 format).
      const next = normalized.slice(index + 1).find((cell) => cell !== "");
      if (next !== undefined && isLabelCell(next)) continue;
      if (seen.has(key)) break;
      seen.add(key);
      const label = row[index]!.trim();
      let cells = figureCellsAfter(row, index);
      // Some tools add a 法人或其他组织 小计 column before 总计; it is not in the official table.
      if (cells.length === 8 && hasSubtotalColumn) cells = [...cells.slice(0, 6), cells[7]!];
      if (cells.length !== 7 && positions) cells = positions.map((position) => row[position] ?? "");
      if (cells.length !== 7) {
        problems.push(`“${label}”一行读到 ${cells.length} 个数字，应为 7 个（自然人、五类法人或其他组织、总计）`);
        break;
      }
      const counts: number[] = [];
      for (const [column, cell] of cells.entries()) {
        const value = cell.trim() === "" ? 0 : numberOf(cell);
        const where = `“${label}”一行${COLUMN_LABELS[COLUMN_KEYS[column]!]}列`;
        const count = value === null ? { message: `${where}的“${cell}”不是数字` } : countOf(value, where);
        if (typeof count === "number") counts.push(count);
        else problems.push(count.message);
      }
      if (counts.length === 7) rows.push({ key, label, counts });
      break;
    }
  }
  return { rows, problems };
}

function formatOf(rows: readonly FoundRow[]): ReportFormat | null {
  const keys = new Set(rows.map((row) => row.key));
  if (keys.has("other")) return "2019";
  if (keys.has("other_no_correction") || keys.has("other_fee_unpaid") || keys.has("other_other")) return "2021";
  return null;
}

function readAppealsRow(grid: TextGrid): { appeals: AppealsTable } | { problem: string } | null {
  const anchor = grid.findIndex((row) => row.some((cell) => normalizeLabel(cell) === normalizeLabel(APPEAL_GROUP_LABELS.reconsideration)));
  if (anchor === -1) return null;
  for (const row of grid.slice(anchor + 1)) {
    const filled = row.filter((cell) => cell.trim() !== "");
    if (filled.length === 0) continue;
    const numbers = filled.map(numberOf);
    if (numbers.some((value) => value === null)) continue;
    if (numbers.length < APPEAL_GROUP_KEYS.length * APPEAL_COLUMN_KEYS.length) {
      return { problem: `表四（行政复议、行政诉讼）的数字一行读到 ${numbers.length} 个数字，应为 15 个` };
    }
    const appeals = {} as AppealsTable;
    let position = 0;
    for (const group of APPEAL_GROUP_KEYS) {
      appeals[group] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
      for (const column of APPEAL_COLUMN_KEYS) {
        const count = countOf(numbers[position] ?? 0, `表四“${APPEAL_GROUP_LABELS[group]}”`);
        if (typeof count !== "number") return { problem: count.message };
        appeals[group][column] = count;
        position += 1;
      }
    }
    return { appeals };
  }
  return { problem: "找到了表四（行政复议、行政诉讼）的表头，但没有找到其下的 15 个数字" };
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年\s*(?:度\s*)?政府信息公开(?:工作)?(?:年度报告|相关数据统计表|年报)/;

function yearOfGrid(grid: TextGrid, hint: string | null): number | null {
  for (const text of [hint ?? "", ...grid.map((row) => row.join(" "))]) {
    const match = YEAR_IN_TITLE.exec(text.normalize("NFKC"));
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * Tables 三 and 四 (2019 or 2021 format) found in a grid by their row labels, or the pre-2019
 * statistics tables. `titleHint` is a title from outside the grid (a workbook's title).
 */
export function readReportGrid(grid: TextGrid, titleHint: string | null = null): ReadReportResult {
  const year = yearOfGrid(grid, titleHint);
  const { rows, problems } = readApplicationsRows(grid);
  if (rows.length === 0 && problems.length === 0) {
    const pre2019 = readPre2019Tables(grid);
    if (pre2019) return { ok: true, report: { kind: "pre2019", year, tables: pre2019 } };
    return failed("没有找到年度报告的表格：表三应有“一、本年新收政府信息公开申请数量”等行（2019 或 2021 年格式），或 2019 年以前的统计表（如“政府信息公开申请数”）");
  }
  if (problems.length > 0) return failed(problems.join("；"));
  const format = formatOf(rows);
  if (!format) return failed("表三中没有“（六）其他处理”的行，无法判断是 2019 年还是 2021 年格式");
  const found = new Map(rows.map((row) => [row.key, row.counts]));
  const missing = APPLICATIONS_ROWS[format].filter((row) => !found.has(row.key));
  if (missing.length > 0) {
    return failed(`表三（${format} 年格式）缺少以下行：${missing.map((row) => `${row.reference} ${row.label.replace(/^[一二三四]、/, "")}`).join("、")}`);
  }
  const appeals = readAppealsRow(grid);
  if (!appeals) return failed("没有找到表四（行政复议、行政诉讼情况）：应有“行政复议”表头和其下一行 15 个数字");
  if ("problem" in appeals) return failed(appeals.problem);
  const applications: ApplicationsTable = { columns: [...COLUMN_KEYS], rows: {} };
  for (const key of ROW_KEYS[format]) applications.rows[key] = found.get(key)!;
  return { ok: true, report: { kind: "tables", year, tables: { format, applications, appeals: appeals.appeals } } };
}

// ---------------------------------------------------------------------------------------------
// Text (pasted from a spreadsheet, a web page or a PDF)

/**
 * A line as cells: tab-separated (a spreadsheet's copy), "|"-separated (web and Markdown tables; every
 * "|" ends a cell), or else the text before the trailing numbers and each number (a PDF's copy).
 */
function cellsOfLine(line: string): string[] {
  if (line.includes("\t")) return line.split("\t");
  if (line.includes("|")) {
    const cells = line.split("|");
    if (cells.at(-1)?.trim() === "") cells.pop();
    return cells.map((cell) => cell.trim());
  }
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  let firstNumber = tokens.length;
  while (firstNumber > 0 && numberOf(tokens[firstNumber - 1]!) !== null) firstNumber -= 1;
  const label = tokens.slice(0, firstNumber).join(" ");
  return [...(label ? [label] : []), ...tokens.slice(firstNumber)];
}

export function gridOfText(text: string): TextGrid {
  return text.split(/\r\n|\r|\n/).map(cellsOfLine);
}

// ---------------------------------------------------------------------------------------------
// The report as data (interfaces.md §3)

const countsSchema = z.array(z.number().int().nonnegative(), { error: "每行应为 7 个非负整数" }).length(COLUMN_KEYS.length, "每行应为 7 个数字");
const appealsGroupSchema = z.object(
  Object.fromEntries(APPEAL_COLUMN_KEYS.map((column) => [column, z.number().int().nonnegative()])) as Record<
    (typeof APPEAL_COLUMN_KEYS)[number],
    z.ZodNumber
  >,
);

const reportJsonSchema = z.object({
  year: z.number().int().optional(),
  format: z.enum(REPORT_FORMATS).optional(),
  applications: z.object({
    columns: z.array(z.string()).optional(),
    rows: z.record(z.string(), countsSchema),
  }),
  appeals: z.object({
    reconsideration: appealsGroupSchema,
    litigation_direct: appealsGroupSchema,
    litigation_after_reconsideration: appealsGroupSchema,
  }),
});

/** The report as data; `org`, `fees` and `checks` may be absent and are not read (the checks are run again). */
export function readReportJson(text: string): ReadReportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return failed("不是有效的 JSON 文件");
  }
  return readReportData(value);
}

/** Tables 三 and 四 of the report as data already parsed (a JSON file, a published snapshot). */
export function readReportData(value: unknown): ReadReportResult {
  const parsed = reportJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failed(`报告数据的格式不对：${issue?.path.join(".") || "（根）"} ${issue?.message ?? ""}`.trim());
  }
  const { year, applications, appeals } = parsed.data;
  const format = parsed.data.format ?? (Object.hasOwn(applications.rows, "other") ? "2019" : "2021");
  const order = applications.columns ?? [...COLUMN_KEYS];
  const columnIndexes = COLUMN_KEYS.map((column) => order.indexOf(column));
  if (order.length !== COLUMN_KEYS.length || columnIndexes.some((index) => index === -1)) {
    return failed(`applications.columns 应为 ${COLUMN_KEYS.join("、")}`);
  }
  const expected = new Set<string>(ROW_KEYS[format]);
  const unknown = Object.keys(applications.rows).filter((key) => !expected.has(key));
  if (unknown.length > 0) return failed(`applications.rows 中有 ${format} 年格式没有的行：${unknown.join("、")}`);
  const missing = ROW_KEYS[format].filter((key) => !Object.hasOwn(applications.rows, key));
  if (missing.length > 0) return failed(`applications.rows 缺少 ${format} 年格式的行：${missing.join("、")}`);
  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS[format]) {
    const counts = applications.rows[key]!;
    rows[key] = columnIndexes.map((index) => counts[index]!);
  }
  return {
    ok: true,
    report: { kind: "tables", year: year ?? null, tables: { format, applications: { columns: [...COLUMN_KEYS], rows }, appeals } },
  };
}

// ---------------------------------------------------------------------------------------------
// Workbooks and Word documents

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    return result === undefined || (typeof result === "object" && !(result instanceof Date)) ? "" : cellText(result);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : "";
  return "";
}

/** Every sheet's rows, one after the other; a merged cell's text only in its first cell. */
async function gridOfWorkbook(bytes: Uint8Array): Promise<{ grid: TextGrid; title: string | null } | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    return null;
  }
  const grid: TextGrid = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        cells[columnNumber - 1] = cell.isMerged && cell.master.address !== cell.address ? "" : cellText(cell.value).trim();
      });
      grid.push(Array.from(cells, (cell) => cell ?? ""));
    });
  }
  return { grid, title: workbook.title || null };
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return XML_ENTITIES[entity.toLowerCase()] ?? "";
  });
}

/** A Word document's paragraphs and table rows (each cell's text), in document order. */
async function gridOfWordDocument(zip: JSZip): Promise<TextGrid | null> {
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) return null;
  const grid: TextGrid = [];
  const textOf = (part: string) => decodeXml([...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""));
  for (const block of xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>|<w:p\b[\s\S]*?<\/w:p>/g)) {
    const part = block[0];
    if (part.startsWith("<w:tr")) grid.push([...part.matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0]).trim()));
    else grid.push([textOf(part).trim()]);
  }
  return grid;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * A report file: the report as data (.json), a workbook (.xlsx) or a Word document (.docx) in the
 * official layout, or the tables as text (.txt, .csv, .md: tab-, comma- or "|"-separated).
 */
export async function readReportFile(name: string, bytes: Uint8Array): Promise<ReadReportResult> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === "xls" || extension === "doc") return failed(`不支持旧版 Office 文件（.${extension}），请另存为 .${extension}x 后再核对`);
  if (ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      return failed("无法读取文件：文件已损坏或不是 Excel、Word 文件");
    }
    if (zip.file("word/document.xml")) {
      const grid = await gridOfWordDocument(zip);
      return grid ? readReportGrid(grid) : failed("无法读取 Word 文件中的表格");
    }
    const workbook = await gridOfWorkbook(bytes);
    return workbook ? readReportGrid(workbook.grid, workbook.title) : failed("无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿");
  }
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  if (text.trim() === "") return failed("文件是空的");
  if (extension === "json" || text.trimStart().startsWith("{")) return readReportJson(text);
  // A CSV saved from the official layout: commas separate the cells.
  const asText = extension === "csv" && !text.includes("\t") ? text.replaceAll(",", "\t") : text;
  return readReportGrid(gridOfText(asText));
}

/** Pasted text: the report as data when it is JSON, otherwise the tables as text. */
export function readReportText(text: string): ReadReportResult {
  if (text.trim() === "") return failed("请粘贴年度报告的表格");
  return text.trimStart().startsWith("{") ? readReportJson(text) : readReportGrid(gridOfText(text));
}

/** A report as the checker page sends it: an uploaded file, or text (pasted, or the grid as JSON). */
export type ReportInput = { kind: "file"; name: string; bytes: Uint8Array } | { kind: "text"; text: string };

export function readReportInput(input: ReportInput): Promise<ReadReportResult> {
  return input.kind === "file" ? readReportFile(input.name, input.bytes) : Promise.resolve(readReportText(input.text));
}
