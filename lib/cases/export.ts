// Ledger rows (lib/cases/ledger.ts) as the two file formats of interfaces.md §1.
import ExcelJS from "exceljs";
import {
  LEDGER_AMOUNT_COLUMNS,
  LEDGER_COLUMNS,
  LEDGER_DATE_COLUMNS,
  LEDGER_NUMBER_COLUMNS,
  ledgerCellText,
  type LedgerColumn,
  type LedgerRow,
} from "./ledger";
import { guardCsvFormula } from "./csv-formula-guard";

export const LEDGER_SHEET_NAME = "依申请公开台账";

const BYTE_ORDER_MARK = "\uFEFF";
const CSV_NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: string): string {
  const text = guardCsvFormula(value);
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a byte order mark (so that Excel opens the UTF-8 Chinese text correctly) and CRLF
 * line ends. A cell that a spreadsheet would run as a formula gets a leading ' (csv-formula-guard.ts);
 * the import takes it off, so the file imports back unchanged.
 */
export function ledgerToCsv(rows: readonly LedgerRow[]): Uint8Array<ArrayBuffer> {
  const lines = [LEDGER_COLUMNS.map(csvField).join(",")];
  for (const row of rows) {
    lines.push(LEDGER_COLUMNS.map((column) => csvField(ledgerCellText(row[column]))).join(","));
  }
  return new TextEncoder().encode(`${BYTE_ORDER_MARK}${lines.join("\r\n")}\r\n`);
}

const WIDE_COLUMNS: Partial<Record<LedgerColumn, number>> = {
  申请编号: 18,
  申请人: 16,
  证件号码: 22,
  联系方式: 18,
  申请内容: 48,
  办理结果: 30,
  复议结果: 12,
  诉讼类型: 18,
  诉讼结果: 12,
};

const isDateColumn = (column: LedgerColumn) => (LEDGER_DATE_COLUMNS as readonly LedgerColumn[]).includes(column);
const isAmountColumn = (column: LedgerColumn) => (LEDGER_AMOUNT_COLUMNS as readonly LedgerColumn[]).includes(column);
const isNumberColumn = (column: LedgerColumn) => (LEDGER_NUMBER_COLUMNS as readonly LedgerColumn[]).includes(column);

function columnWidth(column: LedgerColumn): number {
  if (WIDE_COLUMNS[column]) return WIDE_COLUMNS[column];
  if (isDateColumn(column)) return 13;
  // Roughly two width units per Chinese character of the header, plus room for the filter arrow.
  return Math.max(10, column.length * 2 + 2);
}

/**
 * One sheet with a bold, frozen header row. Dates and amounts are text cells (format "@"), so that
 * Excel does not turn them into serial numbers or drop the trailing zero and the file imports back
 * exactly; 延期工作日数 is a number.
 */
export async function ledgerToXlsx(rows: readonly LedgerRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: columnWidth(column),
    style: isDateColumn(column) || isAmountColumn(column) ? { numFmt: "@" } : isNumberColumn(column) ? { numFmt: "0" } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
