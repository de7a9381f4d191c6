// Reading a ledger file (依申请公开台账, interfaces.md §1) into cases, the inverse of toLedgerRow: the
// file is parsed (CSV or XLSX), every row is checked, and each valid row becomes an application with
// the case events its dates stand for, replayed through the statutory clock (projectCase), plus its
// proceedings. Pure: the caller passes the calendar, the organization's setting, today and the case
// numbers already taken; lib/cases/ledger-import-store.ts writes the result.
import ExcelJS from "exceljs";
import type { ApplicantType, Channel, FeeMethod, LitigationRoute, Outcome, ProceedingResult } from "@prisma/client";
import { addCalendarDays, addWorkdays, assertIsoDate, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import type { CaseEvent, FeeNoticeUnrecordedField } from "./case-events";
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  FEE_METHOD_LABELS,
  LITIGATION_ROUTE_LABELS,
  OUTCOME_LABELS,
  PROCEEDING_RESULT_LABELS,
} from "./labels";
import { LEDGER_CHANNEL_LABELS, LEDGER_COLUMNS, type LedgerColumn } from "./ledger";
import { CONSULTATION_WINDOW_WORKDAYS, CORRECTION_NOTICE_WORKDAYS, projectCase, type CaseProjection } from "./projection";
import { registerApplicationSchema } from "./schemas";
import { declareBuiltInDateFormats } from "./xlsx-number-formats";
import { unguardCsvFormula } from "./csv-formula-guard";

// ---------------------------------------------------------------------------------------------
// Problems

/** One problem in the file: the row as the spreadsheet numbers it (header = 1), the column, a Chinese reason. */
export interface LedgerIssue {
  /** null for a problem of the whole file. */
  row: number | null;
  /** A ledger column, or null when the problem concerns the whole row. */
  column: string | null;
  message: string;
}

/** "第 12 行［收到申请日期］…" — the form the command line prints and the app lists. */
export function formatLedgerIssue(issue: LedgerIssue): string {
  if (issue.row === null) return issue.column ? `［${issue.column}］${issue.message}` : issue.message;
  return issue.column ? `第 ${issue.row} 行［${issue.column}］${issue.message}` : `第 ${issue.row} 行：${issue.message}`;
}

const COLUMN_POSITION = new Map<string, number>(LEDGER_COLUMNS.map((column, index) => [column, index]));

/** File problems first, then by row and by the column's place in the ledger. */
export function sortLedgerIssues(issues: readonly LedgerIssue[]): LedgerIssue[] {
  const position = (column: string | null) => (column === null ? -1 : (COLUMN_POSITION.get(column) ?? LEDGER_COLUMNS.length));
  return issues.toSorted((a, b) => (a.row ?? 0) - (b.row ?? 0) || position(a.column) - position(b.column));
}

// ---------------------------------------------------------------------------------------------
// Parsing

export const REQUIRED_LEDGER_COLUMNS = [
  "申请编号",
  "收到申请日期",
  "申请方式",
  "申请人类型",
  "申请人",
  "申请内容",
] as const satisfies readonly LedgerColumn[];

/**
 * One data row. `cells` has a key for every ledger column the header has (trimmed text, "" when
 * empty) and none for a column the file lacks, so that a missing column is reported once, at the
 * header, instead of once per row. Numbers are their shortest decimal text, XLSX dates YYYY-MM-DD.
 */
export interface LedgerSourceRow {
  rowNumber: number;
  cells: Partial<Record<LedgerColumn, string>>;
}

export interface ParsedLedgerFile {
  rows: LedgerSourceRow[];
  errors: LedgerIssue[];
}

/** A record of the file as read: its row number and its cells, left to right. */
interface RawRecord {
  rowNumber: number;
  values: string[];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Reads a ledger file: XLSX (the first sheet) or CSV (UTF-8 with or without BOM, RFC 4180). */
export async function parseLedgerFile(name: string, bytes: Uint8Array): Promise<ParsedLedgerFile> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (looksLikeZip(bytes) || extension === "xlsx") {
    const sheet = await readXlsxRecords(bytes);
    if ("error" in sheet) return unreadable(sheet.error);
    return rowsFromRecords(sheet.records, { extraCellsAreErrors: false });
  }
  if (extension === "xls") {
    return unreadable("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV UTF-8 后再导入");
  }
  if (extension !== undefined && extension !== "csv" && extension !== "txt") {
    return unreadable(`不支持 .${extension} 文件：请导入 CSV 或 XLSX 格式的台账`);
  }
  const csv = parseCsv(decodeText(bytes));
  // Our CSV export guards formula-like cells with a leading ' (csv-formula-guard.ts): take it off.
  const records = csv.records.map((record) => ({ ...record, values: record.values.map(unguardCsvFormula) }));
  const parsed = rowsFromRecords(records, { extraCellsAreErrors: true });
  return { rows: parsed.rows, errors: [...csv.errors, ...parsed.errors] };
}

function unreadable(message: string): ParsedLedgerFile {
  return { rows: [], errors: [{ row: null, column: null, message }] };
}

/**
 * UTF-8 as the contract says. A file that is not valid UTF-8 is most likely a "CSV (逗号分隔)" saved
 * by Excel on Chinese Windows, which writes GB18030; reading it as such is harmless, since a file in
 * any other encoding fails the header check.
 */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180: fields separated by commas, records by CRLF, LF or CR; quoted fields may hold all three. */
export function parseCsv(text: string): { records: RawRecord[]; errors: LedgerIssue[] } {
  const records: RawRecord[] = [];
  const errors: LedgerIssue[] = [];
  let values: string[] = [];
  let field = "";
  let fieldQuoted = false;
  let inQuotes = false;
  let quoteOpenedInRecord = 0;
  const endRecord = () => {
    values.push(field);
    records.push({ rowNumber: records.length + 1, values });
    values = [];
    field = "";
    fieldQuoted = false;
  };

  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        inQuotes = false;
        index += 1;
        const next = text[index];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          const message = "引号用法有误：带引号的单元格在右引号后还有字符（内容中的引号须写成两个双引号 \"\"）";
          errors.push({ row: records.length + 1, column: null, message });
        }
        continue;
      }
      // Copy the run up to the next quote at once: long texts are the common case inside quotes.
      const nextQuote = text.indexOf('"', index);
      const end = nextQuote === -1 ? text.length : nextQuote;
      field += text.slice(index, end);
      index = end;
      continue;
    }
    if (character === '"' && field === "" && !fieldQuoted) {
      inQuotes = true;
      fieldQuoted = true;
      quoteOpenedInRecord = records.length + 1;
      index += 1;
      continue;
    }
    if (character === ",") {
      values.push(field);
      field = "";
      fieldQuoted = false;
      index += 1;
      continue;
    }
    if (character === "\r" || character === "\n") {
      endRecord();
      index += character === "\r" && text[index + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += character;
    index += 1;
  }
  if (inQuotes) {
    errors.push({ row: quoteOpenedInRecord, column: null, message: "引号未闭合：从本行起到文件末尾都被读成了一个单元格" });
  }
  if (field !== "" || fieldQuoted || values.length > 0) endRecord();
  return { records, errors };
}

async function readXlsxRecords(bytes: Uint8Array): Promise<{ records: RawRecord[] } | { error: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Dates in the East-Asian built-in formats are dates too (interfaces.md §2). A copy: the view may
    // be part of a larger buffer, and ExcelJS reads the whole ArrayBuffer.
    await workbook.xlsx.load((await declareBuiltInDateFormats(bytes)).slice().buffer);
  } catch {
    return { error: "无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { error: "XLSX 文件中没有工作表" };
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      values[columnNumber - 1] = xlsxCellText(cell.value);
    });
    records.push({ rowNumber, values: Array.from(values, (value) => value ?? "") });
  });
  return { records };
}

/** XLSX error values (#N/A, #VALUE! …) become this text, which fails every column's check. */
const XLSX_ERROR_PREFIX = "#";

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Date cells: ExcelJS turns the serial day number into the instant of UTC midnight of that day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? `${XLSX_ERROR_PREFIX}DATE` : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined) return "";
    return typeof result === "object" && !(result instanceof Date) ? String(result.error) : xlsxCellText(result);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : xlsxCellText(value.text);
  return "";
}

const LEDGER_COLUMN_SET: ReadonlySet<string> = new Set(LEDGER_COLUMNS);

function isLedgerColumn(name: string): name is LedgerColumn {
  return LEDGER_COLUMN_SET.has(name);
}

function rowsFromRecords(records: readonly RawRecord[], options: { extraCellsAreErrors: boolean }): ParsedLedgerFile {
  const isBlank = (record: RawRecord) => record.values.every((value) => value.trim() === "");
  const header = records.find((record) => !isBlank(record));
  if (!header) return unreadable("文件是空的：第一行应为列名，其后每行一件申请");

  const errors: LedgerIssue[] = [];
  const columnIndex = new Map<LedgerColumn, number>();
  header.values.forEach((value, index) => {
    // Excel's UTF-8 CSV and some editors leave a BOM in front of the first name.
    const name = value.replace(/^\uFEFF/, "").trim();
    if (!isLedgerColumn(name)) return;
    if (columnIndex.has(name)) errors.push({ row: header.rowNumber, column: name, message: `列名“${name}”出现了两次` });
    else columnIndex.set(name, index);
  });
  for (const column of REQUIRED_LEDGER_COLUMNS) {
    if (!columnIndex.has(column)) errors.push({ row: header.rowNumber, column, message: `缺少必填列“${column}”` });
  }
  if (columnIndex.size === 0) {
    const message = `第一行应为列名（${LEDGER_COLUMNS.slice(0, 4).join("、")} …），没有找到任何台账列`;
    return { rows: [], errors: [{ row: header.rowNumber, column: null, message }] };
  }

  const rows: LedgerSourceRow[] = [];
  for (const record of records) {
    if (record.rowNumber <= header.rowNumber || isBlank(record)) continue;
    const cells: Partial<Record<LedgerColumn, string>> = {};
    for (const [column, index] of columnIndex) cells[column] = (record.values[index] ?? "").trim();
    if (options.extraCellsAreErrors) {
      const lastFilled = record.values.findLastIndex((value) => value.trim() !== "");
      if (lastFilled >= header.values.length) {
        errors.push({
          row: record.rowNumber,
          column: null,
          message: `本行有 ${lastFilled + 1} 个单元格，多于表头的 ${header.values.length} 列（内容中有逗号时，该单元格须用双引号括起）`,
        });
      }
    }
    rows.push({ rowNumber: record.rowNumber, cells });
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** What an imported row becomes: everything lib/cases/ledger-import-store.ts writes. */
export interface LedgerCase {
  rowNumber: number;
  caseNumber: string;
  caseYear: number;
  caseSequence: number;
  receivedOn: IsoDate;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantContact: string | null;
  requestContent: string;
  /** In the order they happened; same-day events in the order of the workflow. */
  events: CaseEvent[];
  /** The derived columns of the case. */
  projection: CaseProjection;
  reconsideration: LedgerCaseProceeding | null;
  litigation: (LedgerCaseProceeding & { route: LitigationRoute }) | null;
}

export interface LedgerCaseProceeding {
  filedOn: IsoDate;
  result: ProceedingResult | null;
  decidedOn: IsoDate | null;
}

export interface LedgerValidationOptions {
  calendar: WorkCalendar;
  feeStopsClock: boolean;
  today: IsoDate;
  existingCaseNumbers: ReadonlySet<string>;
  /**
   * What to do with a row that meets every rule of the ledger contract but whose history the
   * statutory clock does not admit (a fee notice while waiting for 补正, a case closed as 逾期未缴费
   * before the payment period ended …). "warn" (default): import it as the ledger records it and
   * report a warning; the ledger is a record of what happened, and interfaces.md §1 makes only the
   * contract's rules errors. "refuse": the row is an error, as the case page would refuse the step.
   */
  clockRuleViolations?: "warn" | "refuse";
}

export interface LedgerValidationResult {
  cases: LedgerCase[];
  errors: LedgerIssue[];
  /** Rows imported as recorded although the statutory clock does not admit them (see above). */
  warnings: LedgerIssue[];
}

/** Placeholders for what the ledger does not record, recognisable on the case page. */
export const IMPORTED_MARK = "（台账导入）";

/**
 * The ledger does not record the period given for 补正, nor why a notice went out late. The period is
 * left unknown (null: shown as 未记录), except for a case closed as 逾期不补正, whose period lapsed by
 * the day before it was closed (the only way that closing fits the clock). A notice after the
 * 7-working-day limit gets this reason, so that the clock treats it as a late notice (rules.md §4: it
 * stops the clock and never restarts it), as the ledger records it.
 */
export const IMPORTED_LATE_NOTICE_REASON = "台账未记录逾期告知的理由（台账导入）";

const DEFAULT_EXTENSION_WORKDAYS = 20;
const MAX_CASE_NUMBER_LENGTH = 50;
const MAX_CASE_SEQUENCE = 2_147_483_647;
const EARLIEST_LEDGER_DATE = "2000-01-01";

/** First label wins: LEDGER_CHANNEL_LABELS writes both kinds of mail as 邮寄, which reads back as POST. */
function firstLabelWins<Value extends string>(labels: Record<Value, string>): Map<string, Value> {
  const lookup = new Map<string, Value>();
  for (const [value, label] of Object.entries(labels) as [Value, string][]) if (!lookup.has(label)) lookup.set(label, value);
  return lookup;
}

const CHANNEL_LOOKUP = firstLabelWins(LEDGER_CHANNEL_LABELS).set(CHANNEL_LABELS.ORDINARY_MAIL, "ORDINARY_MAIL");
const APPLICANT_TYPE_LOOKUP = firstLabelWins(APPLICANT_TYPE_LABELS);
const FEE_METHOD_LOOKUP = firstLabelWins(FEE_METHOD_LABELS);
const ROUTE_LOOKUP = firstLabelWins(LITIGATION_ROUTE_LABELS);
const PROCEEDING_RESULT_LOOKUP = firstLabelWins(PROCEEDING_RESULT_LABELS);

const QUOTES = /["“”'‘’]/g;

/** 办理结果: the label as table 三 prints it (危及“三安全一稳定” also with straight or no quotes), or its key. */
const OUTCOME_LOOKUP: ReadonlyMap<string, Outcome> = new Map(
  (Object.entries(OUTCOME_LABELS) as [Outcome, string][]).flatMap(([outcome, label]) => [
    [label, outcome],
    [label.replace(QUOTES, ""), outcome],
    [outcome.toLowerCase(), outcome],
  ]),
);

export function outcomeFromLedger(text: string): Outcome | undefined {
  return OUTCOME_LOOKUP.get(text) ?? OUTCOME_LOOKUP.get(text.replace(QUOTES, "")) ?? OUTCOME_LOOKUP.get(text.toLowerCase());
}

const labelList = (lookup: ReadonlyMap<string, unknown>) => [...lookup.keys()].join("、");

const LEDGER_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * YYYY-MM-DD; also YYYY/M/D, as Excel in a Chinese locale rewrites the dates of a CSV it saves, YYYY.M.D
 * and YYYY年M月D日 (a date cell saved as text).
 */
export function dateFromLedger(text: string): IsoDate | null {
  const match = LEDGER_DATE.exec(text);
  if (!match) return null;
  const year = match[1] ?? match[4];
  const month = match[2] ?? match[5];
  const day = match[3] ?? match[6];
  const iso = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  try {
    return assertIsoDate(iso);
  } catch {
    return null;
  }
}

const AMOUNT = /^\d{1,9}(?:\.(\d+))?$/;
const WHOLE_NUMBER = /^\d{1,3}$/;
const TRAILING_NUMBER = /(\d+)\D*$/;

/** The number at the end of a case number ("GK-2024-000123" → 123, "〔2024〕12号" → 12), else 0. */
export function caseSequenceFromNumber(caseNumber: string): number {
  const digits = TRAILING_NUMBER.exec(caseNumber)?.[1];
  if (!digits) return 0;
  const sequence = Number(digits);
  return sequence <= MAX_CASE_SEQUENCE ? sequence : 0;
}

/** Reads one row's cells, collecting every problem instead of stopping at the first. */
class RowReader {
  readonly errors: LedgerIssue[] = [];
  /** What the row imports with but the user should know (reported only when the row imports). */
  readonly warnings: LedgerIssue[] = [];

  constructor(
    readonly row: LedgerSourceRow,
    private readonly today: IsoDate,
  ) {}

  fail(column: LedgerColumn | null, message: string): void {
    this.errors.push({ row: this.row.rowNumber, column, message });
  }

  warn(column: LedgerColumn | null, message: string): void {
    this.warnings.push({ row: this.row.rowNumber, column, message });
  }

  text(column: LedgerColumn): string | null {
    const value = this.row.cells[column];
    return value ? value : null;
  }

  /** A missing column was reported once at the header; only an empty cell of a present column is an error here. */
  required(column: LedgerColumn): string | null {
    const value = this.text(column);
    if (value === null && column in this.row.cells) this.fail(column, "必填，不能为空");
    return value;
  }

  date(column: LedgerColumn): IsoDate | null {
    const text = this.text(column);
    if (text === null) return null;
    const date = dateFromLedger(text);
    if (!date) {
      this.fail(column, `“${text}”不是有效日期，应为 YYYY-MM-DD（如 2024-03-18）`);
      return null;
    }
    if (date < EARLIEST_LEDGER_DATE) {
      this.fail(column, `日期 ${date} 早于 2000 年，请检查是否录错`);
      return null;
    }
    if (date > this.today) {
      this.fail(column, `日期 ${date} 晚于今天（${this.today}），不能预先登记`);
      return null;
    }
    return date;
  }

  requiredDate(column: LedgerColumn): IsoDate | null {
    return this.required(column) === null ? null : this.date(column);
  }

  choice<Value>(column: LedgerColumn, lookup: ReadonlyMap<string, Value>, required: boolean): Value | null {
    const text = required ? this.required(column) : this.text(column);
    if (text === null) return null;
    const value = lookup.get(text);
    if (value === undefined) {
      this.fail(column, `“${text}”不是可选的值，应为 ${labelList(lookup)} 之一`);
      return null;
    }
    return value;
  }

  amount(column: LedgerColumn): string | null {
    const text = this.text(column);
    if (text === null) return null;
    const match = AMOUNT.exec(text);
    if (!match) {
      this.fail(column, `“${text}”不是有效金额，应为以元为单位的数字（如 450.50）`);
      return null;
    }
    if ((match[1]?.length ?? 0) > 2) {
      this.fail(column, `金额“${text}”超过两位小数（以元为单位，精确到分）`);
      return null;
    }
    return Number(text).toFixed(2);
  }

  workdays(column: LedgerColumn): number | null {
    const text = this.text(column);
    if (text === null) return null;
    const workdays = WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
    if (!(workdays >= 1 && workdays <= DEFAULT_EXTENSION_WORKDAYS)) {
      this.fail(column, `“${text}”不是有效的延期工作日数，应为 1–${DEFAULT_EXTENSION_WORKDAYS} 的整数`);
      return null;
    }
    return workdays;
  }

  /** `column` (when filled) needs `other` to be filled. */
  needs(column: LedgerColumn, filled: boolean, other: LedgerColumn, otherFilled: boolean): void {
    if (filled && !otherFilled && other in this.row.cells) this.fail(column, `填写了${column}，但没有填写${other}`);
    else if (filled && !otherFilled) this.fail(column, `填写了${column}，但文件中没有“${other}”列`);
  }

  /** `date` (of `column`) is on or after `earlier` (of `earlierColumn`). */
  notBefore(column: LedgerColumn, date: IsoDate | null, earlierColumn: LedgerColumn, earlier: IsoDate | null): void {
    if (date && earlier && date < earlier) this.fail(column, `${column} ${date} 早于${earlierColumn} ${earlier}`);
  }
}

const REGISTRATION_FIELD_COLUMNS: Record<string, LedgerColumn> = {
  applicantName: "申请人",
  applicantIdNumber: "证件号码",
  applicantContact: "联系方式",
  requestContent: "申请内容",
};

/** The dates of the clock, in the order of the workflow (the order same-day events replay in). */
const CLOCK_DATE_COLUMNS = [
  "补正告知日期",
  "补正收到日期",
  "征求意见日期",
  "征求意见答复日期",
  "延期告知日期",
  "收费通知日期",
  "缴费日期",
] as const satisfies readonly LedgerColumn[];

/** Every date that must be on or after 收到申请日期. */
const LATER_DATE_COLUMNS = [
  ...CLOCK_DATE_COLUMNS,
  "办结日期",
  "复议申请日期",
  "复议结果日期",
  "起诉日期",
  "诉讼结果日期",
] as const satisfies readonly LedgerColumn[];

interface SourcedEvent {
  event: CaseEvent;
  /** The column the event comes from, to name it when the clock refuses the event. */
  column: LedgerColumn;
}

/** Checks every row (all problems, not the first) and builds the cases of the valid ones. */
export function validateLedgerRows(rows: readonly LedgerSourceRow[], options: LedgerValidationOptions): LedgerValidationResult {
  const cases: LedgerCase[] = [];
  const errors: LedgerIssue[] = [];
  const warnings: LedgerIssue[] = [];
  const firstRowOfCaseNumber = new Map<string, number>();

  for (const row of rows) {
    const reader = new RowReader(row, options.today);
    const caseNumber = reader.required("申请编号");
    if (caseNumber !== null) {
      const firstRow = firstRowOfCaseNumber.get(caseNumber);
      if (caseNumber.length > MAX_CASE_NUMBER_LENGTH) reader.fail("申请编号", `申请编号最多 ${MAX_CASE_NUMBER_LENGTH} 个字符`);
      else if (firstRow !== undefined) reader.fail("申请编号", `申请编号“${caseNumber}”与第 ${firstRow} 行重复`);
      else if (options.existingCaseNumbers.has(caseNumber)) reader.fail("申请编号", `申请编号“${caseNumber}”在本机构已存在`);
      if (firstRow === undefined) firstRowOfCaseNumber.set(caseNumber, row.rowNumber);
    }
    const built = readCase(reader, caseNumber, options);
    if (reader.errors.length > 0 || !built) {
      errors.push(...reader.errors);
      continue;
    }
    if (built.refusal) {
      const issue = { row: row.rowNumber, column: built.refusal.column, message: built.refusal.message };
      if (options.clockRuleViolations === "refuse") {
        errors.push(issue);
        continue;
      }
      // A step after the closing has its own warning below; the clock's refusal of it says no more.
      if (!built.refusal.afterClosing) warnings.push({ ...issue, message: `${issue.message}（与办理时限规则不符，已按台账原样导入）` });
    }
    warnings.push(...reader.warnings);
    cases.push(built.case);
  }
  return { cases, errors, warnings };
}

function readCase(
  reader: RowReader,
  caseNumber: string | null,
  options: LedgerValidationOptions,
): { case: LedgerCase; refusal: ClockRefusal | null } | null {
  const receivedOn = reader.requiredDate("收到申请日期");
  const channel = reader.choice("申请方式", CHANNEL_LOOKUP, true);
  const applicantType = reader.choice("申请人类型", APPLICANT_TYPE_LOOKUP, true);
  const applicantName = reader.required("申请人");
  const requestContent = reader.required("申请内容");

  // The same rules as the registration form, so that an imported case could have been registered.
  const intake = registerApplicationSchema.safeParse({
    applicantType: applicantType ?? "NATURAL_PERSON",
    applicantName: applicantName ?? "—",
    applicantIdNumber: reader.text("证件号码") ?? undefined,
    applicantContact: reader.text("联系方式") ?? undefined,
    channel: channel ?? "OTHER",
    receivedOn: receivedOn ?? EARLIEST_LEDGER_DATE,
    requestContent: requestContent ?? "——",
  });
  if (!intake.success) {
    for (const issue of intake.error.issues) {
      const column = REGISTRATION_FIELD_COLUMNS[String(issue.path[0])];
      if (column) reader.fail(column, issue.message);
    }
  }

  const dates = {
    补正告知日期: reader.date("补正告知日期"),
    补正收到日期: reader.date("补正收到日期"),
    征求意见日期: reader.date("征求意见日期"),
    征求意见答复日期: reader.date("征求意见答复日期"),
    延期告知日期: reader.date("延期告知日期"),
    收费通知日期: reader.date("收费通知日期"),
    缴费日期: reader.date("缴费日期"),
    办结日期: reader.date("办结日期"),
    复议申请日期: reader.date("复议申请日期"),
    复议结果日期: reader.date("复议结果日期"),
    起诉日期: reader.date("起诉日期"),
    诉讼结果日期: reader.date("诉讼结果日期"),
  };
  const extensionWorkdaysGiven = reader.workdays("延期工作日数");
  const feeMethod = reader.choice("收费方式", FEE_METHOD_LOOKUP, false);
  const feeAmount = reader.amount("收费金额");
  const outcomeText = reader.text("办理结果");
  const outcome = outcomeText === null ? null : (outcomeFromLedger(outcomeText) ?? null);
  if (outcomeText !== null && outcome === null) {
    reader.fail(
      "办理结果",
      `“${outcomeText}”不是 2021 年报表三的办理结果；请填写表中的文字（如“予以公开”“本机关不掌握相关政府信息”）或其代码（如 granted）`,
    );
  }
  const reconsiderationResult = reader.choice("复议结果", PROCEEDING_RESULT_LOOKUP, false);
  const route = reader.choice("诉讼类型", ROUTE_LOOKUP, false);
  const litigationResult = reader.choice("诉讼结果", PROCEEDING_RESULT_LOOKUP, false);

  // Cross-field rules (interfaces.md §1), checked on what the cells hold even where a value was unreadable.
  const filled = (column: LedgerColumn) => reader.text(column) !== null;
  for (const column of LATER_DATE_COLUMNS) reader.notBefore(column, dates[column], "收到申请日期", receivedOn);
  reader.needs("补正收到日期", filled("补正收到日期"), "补正告知日期", filled("补正告知日期"));
  reader.notBefore("补正收到日期", dates.补正收到日期, "补正告知日期", dates.补正告知日期);
  reader.needs("征求意见答复日期", filled("征求意见答复日期"), "征求意见日期", filled("征求意见日期"));
  reader.notBefore("征求意见答复日期", dates.征求意见答复日期, "征求意见日期", dates.征求意见日期);
  reader.needs("延期工作日数", filled("延期工作日数"), "延期告知日期", filled("延期告知日期"));
  reader.needs("收费方式", filled("收费方式"), "收费通知日期", filled("收费通知日期"));
  reader.needs("收费金额", filled("收费金额"), "收费通知日期", filled("收费通知日期"));
  reader.needs("缴费日期", filled("缴费日期"), "收费通知日期", filled("收费通知日期"));
  reader.notBefore("缴费日期", dates.缴费日期, "收费通知日期", dates.收费通知日期);
  reader.needs("办结日期", filled("办结日期"), "办理结果", filled("办理结果"));
  reader.needs("办理结果", filled("办理结果"), "办结日期", filled("办结日期"));
  // A step after the closing is history as the ledger records it (interfaces.md §2): a warning.
  for (const column of CLOCK_DATE_COLUMNS) {
    const date = dates[column];
    if (date && dates.办结日期 && date > dates.办结日期) {
      reader.warn(column, `${column} ${date} 晚于办结日期 ${dates.办结日期}：已按台账原样导入，该步骤不改变办结日期和办理结果，也不计入期限`);
    }
  }
  if (dates.收费通知日期 && (!filled("收费方式") || !filled("收费金额"))) {
    const missing = [filled("收费方式") ? null : "收费方式", filled("收费金额") ? null : "收费金额"].filter(Boolean).join("和");
    reader.warn(
      "收费通知日期",
      `有收费通知日期而未填写${missing}：已导入，收费通知计入年度报告“六”的件数${filled("收费金额") ? "" : "，但其金额（及缴费金额）未知，不计入总金额和实收金额"}`,
    );
  }
  reader.needs("复议结果", filled("复议结果"), "复议申请日期", filled("复议申请日期"));
  reader.needs("复议结果", filled("复议结果"), "复议结果日期", filled("复议结果日期"));
  reader.needs("复议结果日期", filled("复议结果日期"), "复议结果", filled("复议结果"));
  reader.notBefore("复议结果日期", dates.复议结果日期, "复议申请日期", dates.复议申请日期);
  reader.needs("起诉日期", filled("起诉日期"), "诉讼类型", filled("诉讼类型"));
  reader.needs("诉讼类型", filled("诉讼类型"), "起诉日期", filled("起诉日期"));
  if (route === "AFTER_RECONSIDERATION") {
    reader.needs("诉讼类型", true, "复议申请日期", filled("复议申请日期"));
    reader.notBefore("起诉日期", dates.起诉日期, "复议申请日期", dates.复议申请日期);
  }
  reader.needs("诉讼结果", filled("诉讼结果"), "起诉日期", filled("起诉日期"));
  reader.needs("诉讼结果", filled("诉讼结果"), "诉讼结果日期", filled("诉讼结果日期"));
  reader.needs("诉讼结果日期", filled("诉讼结果日期"), "诉讼结果", filled("诉讼结果"));
  reader.notBefore("诉讼结果日期", dates.诉讼结果日期, "起诉日期", dates.起诉日期);

  if (reader.errors.length > 0 || !intake.success || caseNumber === null || receivedOn === null || !channel || !applicantType) return null;

  const facts: ClockFacts = {
    receivedOn,
    requestContent: intake.data.requestContent,
    correctionRequestedOn: dates.补正告知日期,
    correctionReceivedOn: dates.补正收到日期,
    consultationSentOn: dates.征求意见日期,
    consultationAnsweredOn: dates.征求意见答复日期,
    extensionNotifiedOn: dates.延期告知日期,
    extensionWorkdays: dates.延期告知日期 ? (extensionWorkdaysGiven ?? DEFAULT_EXTENSION_WORKDAYS) : null,
    fee: dates.收费通知日期 ? { noticeOn: dates.收费通知日期, method: feeMethod, amount: feeAmount } : null,
    feePaidOn: dates.缴费日期,
    closedOn: dates.办结日期,
    outcome,
  };
  const events = clockEventsOf(facts, options.calendar);
  const replay = replayClock(receivedOn, events, options, facts.closedOn);

  return {
    case: {
      rowNumber: reader.row.rowNumber,
      caseNumber,
      caseYear: Number(receivedOn.slice(0, 4)),
      caseSequence: caseSequenceFromNumber(caseNumber),
      receivedOn,
      channel,
      applicantType,
      applicantName: intake.data.applicantName,
      applicantIdNumber: intake.data.applicantIdNumber ?? null,
      applicantContact: intake.data.applicantContact ?? null,
      requestContent: intake.data.requestContent,
      events: events.map((sourced) => sourced.event),
      projection: replay.projection,
      reconsideration: dates.复议申请日期
        ? { filedOn: dates.复议申请日期, result: reconsiderationResult, decidedOn: reconsiderationResult ? dates.复议结果日期 : null }
        : null,
      litigation:
        dates.起诉日期 && route
          ? { filedOn: dates.起诉日期, route, result: litigationResult, decidedOn: litigationResult ? dates.诉讼结果日期 : null }
          : null,
    },
    refusal: replay.refusal,
  };
}

// ---------------------------------------------------------------------------------------------
// Events and the clock

interface ClockFacts {
  receivedOn: IsoDate;
  requestContent: string;
  correctionRequestedOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
  consultationSentOn: IsoDate | null;
  consultationAnsweredOn: IsoDate | null;
  extensionNotifiedOn: IsoDate | null;
  extensionWorkdays: number | null;
  /** method and amount null where the ledger left them empty. */
  fee: { noticeOn: IsoDate; method: FeeMethod | null; amount: string | null } | null;
  feePaidOn: IsoDate | null;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
}

const MAX_DECISION_ITEM_LENGTH = 500;

/** The case events a row's dates stand for, ordered by date (same-day events in workflow order). */
function clockEventsOf(facts: ClockFacts, calendar: WorkCalendar): SourcedEvent[] {
  const events: SourcedEvent[] = [];
  if (facts.correctionRequestedOn) {
    const lapsedBeforeClosing = !facts.correctionReceivedOn && facts.outcome === "OTHER_NO_CORRECTION" && facts.closedOn;
    const deadlineOn = lapsedBeforeClosing && facts.closedOn ? addCalendarDays(facts.closedOn, -1) : null;
    const late = facts.correctionRequestedOn > addWorkdays(calendar, facts.receivedOn, CORRECTION_NOTICE_WORKDAYS);
    events.push({
      column: "补正告知日期",
      event: {
        type: "CORRECTION_REQUESTED",
        occurredOn: facts.correctionRequestedOn,
        details: { deadlineOn, matters: IMPORTED_MARK, ...(late ? { lateReason: IMPORTED_LATE_NOTICE_REASON } : {}) },
      },
    });
  }
  if (facts.correctionReceivedOn) {
    events.push({ column: "补正收到日期", event: { type: "CORRECTION_RECEIVED", occurredOn: facts.correctionReceivedOn, details: {} } });
  }
  if (facts.consultationSentOn) {
    events.push({
      column: "征求意见日期",
      event: { type: "CONSULTATION_SENT", occurredOn: facts.consultationSentOn, details: { party: "THIRD_PARTY", partyName: IMPORTED_MARK } },
    });
    if (facts.consultationAnsweredOn) {
      const windowEnd = addWorkdays(calendar, facts.consultationSentOn, CONSULTATION_WINDOW_WORKDAYS);
      events.push({
        column: "征求意见答复日期",
        event: {
          type: "CONSULTATION_ANSWERED",
          occurredOn: facts.consultationAnsweredOn,
          details: { windowExpired: facts.consultationAnsweredOn > windowEnd },
        },
      });
    }
  }
  if (facts.extensionNotifiedOn && facts.extensionWorkdays) {
    events.push({
      column: "延期告知日期",
      event: {
        type: "EXTENSION",
        occurredOn: facts.extensionNotifiedOn,
        details: { workdays: facts.extensionWorkdays, approvedBy: IMPORTED_MARK, approvedOn: facts.extensionNotifiedOn, reason: IMPORTED_MARK },
      },
    });
  }
  if (facts.fee) {
    const { method, amount } = facts.fee;
    const unrecorded: FeeNoticeUnrecordedField[] = [...(method ? [] : ["method" as const]), ...(amount ? [] : ["amount" as const])];
    events.push({
      column: "收费通知日期",
      event: {
        type: "FEE_NOTICE",
        occurredOn: facts.fee.noticeOn,
        details: {
          ...(method ? { method } : {}),
          ...(amount ? { amount, calculatedAmount: amount } : {}),
          applicantReceivedOn: facts.fee.noticeOn,
          ...(unrecorded.length > 0 ? { unrecorded } : {}),
        },
      },
    });
    // The ledger has no column for the amount paid: a payment is taken to be of the amount noticed.
    if (facts.feePaidOn) {
      events.push({ column: "缴费日期", event: { type: "FEE_PAID", occurredOn: facts.feePaidOn, details: amount ? { amount } : {} } });
    }
  }
  if (facts.closedOn && facts.outcome) {
    events.push({
      column: "办理结果",
      event: {
        type: "DECISION_SERVED",
        occurredOn: facts.closedOn,
        details: {
          items: [{ description: facts.requestContent.slice(0, MAX_DECISION_ITEM_LENGTH), disposition: facts.outcome }],
          serviceMethod: IMPORTED_MARK,
        },
      },
    });
  }
  // Array.prototype.sort is stable: same-day events keep the workflow order they were pushed in.
  return events.sort((a, b) => (a.event.occurredOn < b.event.occurredOn ? -1 : a.event.occurredOn > b.event.occurredOn ? 1 : 0));
}

/**
 * Replays the events as recorded history (projectCase with every event historic): an event the clock
 * refuses is kept as the ledger records it — its dates and amounts, or its closing — and the first
 * refusal (the cause; later ones follow from it) is returned with its column.
 */
interface ClockRefusal {
  column: LedgerColumn;
  message: string;
  /** The refused event is a step dated after the closing (which has a warning of its own). */
  afterClosing: boolean;
}

function replayClock(
  receivedOn: IsoDate,
  events: readonly SourcedEvent[],
  options: LedgerValidationOptions,
  closedOn: IsoDate | null,
): { projection: CaseProjection; refusal: ClockRefusal | null } {
  const result = projectCase({
    receivedOn,
    events: events.map((sourced) => sourced.event),
    calendar: options.calendar,
    settings: { feeStopsClock: options.feeStopsClock },
    today: options.today,
    historicEventCount: Number.POSITIVE_INFINITY,
  });
  if (!result.ok) throw new Error(`replay of recorded history failed: ${result.message}`);
  const [first] = result.projection.historicRefusals;
  const refused = first ? events[first.index]! : null;
  const refusal =
    first && refused
      ? { column: refused.column, message: first.message, afterClosing: closedOn !== null && refused.event.occurredOn > closedOn }
      : null;
  return { projection: result.projection, refusal };
}
