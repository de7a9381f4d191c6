// Ledger rows (lib/cases/ledger.ts) as the two file formats of interfaces.md §1. The XLSX adds, after
// the contract's columns, six columns for reading (the import ignores them): 截止日期, 状态, 经办人,
// 代理人, 缴费金额, 送达方式.
import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { IsoDate } from "../calendar/workdays";
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
  return new TextEncoder().encode(ledgerCsvText(rows, true));
}

/** Part of the CSV: the byte order mark and the header first (`first`), then one CRLF-ended line per row. */
export function ledgerCsvText(rows: readonly LedgerRow[], first: boolean): string {
  const lines = first ? [LEDGER_COLUMNS.map(csvField).join(",")] : [];
  for (const row of rows) {
    lines.push(LEDGER_COLUMNS.map((column) => csvField(ledgerCellText(row[column]))).join(","));
  }
  return `${first ? BYTE_ORDER_MARK : ""}${lines.map((line) => `${line}\r\n`).join("")}`;
}

const WIDE_COLUMNS: Partial<Record<LedgerColumn, number>> = {
  申请编号: 18,
  申请人: 24,
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

/** The XLSX's columns after the contract's, in this order; the import skips columns it does not know. */
export const LEDGER_EXTRA_COLUMNS = ["截止日期", "状态", "经办人", "代理人", "缴费金额", "送达方式"] as const;
export type LedgerExtraColumn = (typeof LEDGER_EXTRA_COLUMNS)[number];

/** A case's extra cells: 截止日期 a date, 缴费金额 yuan ("450.50"), the others text; null is empty. */
export type LedgerExtras = { [Column in LedgerExtraColumn]: Column extends "截止日期" ? IsoDate | null : string | null };

const EXTRA_WIDTHS: Record<LedgerExtraColumn, number> = { 截止日期: 13, 状态: 12, 经办人: 12, 代理人: 14, 缴费金额: 12, 送达方式: 14 };

/** A YYYY-MM-DD as the date cell Excel shows as that day (ExcelJS writes a Date of UTC midnight as that day). */
function dateCell(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

function amountCell(value: string | null): number | null {
  return value === null || value === "" ? null : Number(value);
}

/** Some of the export's rows, with their reading columns when the XLSX has them (by 申请编号). */
export interface LedgerBatch {
  rows: readonly LedgerRow[];
  extras?: ReadonlyMap<string, LedgerExtras>;
}

/**
 * One sheet with a bold, frozen header row and a filter. Dates are date cells (format yyyy-mm-dd) and
 * amounts numbers (format 0.00), so that Excel sorts, filters and sums them; the import reads date cells
 * as dates and numbers as yuan, so the file imports back unchanged. With `withExtras` the six reading
 * columns follow (from each batch's `extras`), shaded, with a note that the import ignores them.
 *
 * Written with ExcelJS's streaming WorkbookWriter (ADR 0082): each row is committed (turned into XML
 * and written to `output`) as soon as it is added, and strings are written inline rather than into a
 * shared-string table that would hold every text of the file, so memory stays bounded by one batch
 * whatever the number of rows.
 */
export async function writeLedgerXlsx(output: Writable, batches: Iterable<LedgerBatch> | AsyncIterable<LedgerBatch>, withExtras: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Gongkai";
  // Printed, a row of the ledger is wide: landscape A4 with narrow margins, column after column.
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const extraColumns = withExtras ? LEDGER_EXTRA_COLUMNS : [];
  sheet.columns = [
    ...LEDGER_COLUMNS.map((column) => ({
      header: column,
      key: column,
      width: columnWidth(column),
      style: isDateColumn(column) ? { numFmt: "yyyy-mm-dd" } : isAmountColumn(column) ? { numFmt: "0.00" } : isNumberColumn(column) ? { numFmt: "0" } : {},
    })),
    ...extraColumns.map((column) => ({
      header: column,
      key: column,
      width: EXTRA_WIDTHS[column],
      style: column === "截止日期" ? { numFmt: "yyyy-mm-dd" } : column === "缴费金额" ? { numFmt: "0.00" } : {},
    })),
  ];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length + extraColumns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  extraColumns.forEach((_column, index) => {
    const cell = header.getCell(LEDGER_COLUMNS.length + index + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
    cell.note = "供查看，导入时忽略此列";
  });
  header.commit();
  for await (const batch of batches) {
    for (const row of batch.rows) {
      // Empty cells are left out (not written as styled blanks): about half of a ledger row is empty.
      const values: Record<string, string | number | Date> = {};
      for (const column of LEDGER_COLUMNS) {
        const raw = row[column];
        const value = isDateColumn(column) ? dateCell(raw as string | null) : isAmountColumn(column) ? amountCell(raw as string | null) : raw;
        if (value !== null && value !== undefined) values[column] = value;
      }
      const extra = withExtras ? batch.extras?.get(row.申请编号 ?? "") : undefined;
      if (extra) {
        for (const column of LEDGER_EXTRA_COLUMNS) {
          const value = column === "截止日期" ? dateCell(extra[column]) : column === "缴费金额" ? amountCell(extra[column]) : extra[column];
          if (value !== null) values[column] = value;
        }
      }
      sheet.addRow(values).commit();
    }
    // A slow download holds the next batch back instead of piling the file up in memory.
    if (output.writableNeedDrain) await once(output, "drain");
  }
  sheet.commit();
  await workbook.commit();
}

/** The whole XLSX in memory (the CLI, the tests, small files): writeLedgerXlsx into a buffer. */
export async function ledgerToXlsx(rows: readonly LedgerRow[], extras?: ReadonlyMap<string, LedgerExtras>): Promise<Uint8Array<ArrayBuffer>> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  await writeLedgerXlsx(output, [{ rows, extras }], extras !== undefined);
  await ended;
  const buffer = Buffer.concat(chunks);
  const content = new Uint8Array(new ArrayBuffer(buffer.length));
  content.set(buffer);
  return content;
}
