// The administrators' audit, as filtered on the page, in CSV and XLSX: one row per entry with its
// before → after in words (lib/audit/labels.ts).
import ExcelJS from "exceljs";
import { formatDateTime } from "../format";
import { summarizeAuditChanges } from "./labels";
import type { AuditLogEntry } from "./queries";

export const AUDIT_EXPORT_COLUMNS = ["时间", "操作人", "操作", "对象", "案件编号", "修改内容", "理由"] as const;
type AuditExportColumn = (typeof AUDIT_EXPORT_COLUMNS)[number];

const WIDTHS: Record<AuditExportColumn, number> = { 时间: 18, 操作人: 22, 操作: 24, 对象: 28, 案件编号: 18, 修改内容: 90, 理由: 40 };

function rowOf(entry: AuditLogEntry): Record<AuditExportColumn, string> {
  return {
    时间: formatDateTime(entry.createdAt),
    操作人: entry.actorLabel,
    操作: entry.actionLabel,
    对象: entry.entityLabel,
    案件编号: entry.caseNumber ?? "",
    修改内容: summarizeAuditChanges(entry.changes),
    理由: entry.reason ?? "",
  };
}

const BYTE_ORDER_MARK = "\uFEFF";
const CSV_NEEDS_QUOTES = /[",\r\n]/;
/** A spreadsheet would read these as a formula: the audit holds text people typed (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return CSV_NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV with a byte order mark (Excel reads the UTF-8 Chinese text) and CRLF line ends. */
export function auditLogToCsv(entries: readonly AuditLogEntry[]): Uint8Array<ArrayBuffer> {
  const lines = [AUDIT_EXPORT_COLUMNS.join(",")];
  for (const entry of entries) {
    const row = rowOf(entry);
    lines.push(AUDIT_EXPORT_COLUMNS.map((column) => csvField(row[column])).join(","));
  }
  return new TextEncoder().encode(`${BYTE_ORDER_MARK}${lines.join("\r\n")}\r\n`);
}

/** One sheet with a bold, frozen, filterable header row; every cell is text. */
export async function auditLogToXlsx(entries: readonly AuditLogEntry[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gongkai";
  const sheet = workbook.addWorksheet("操作记录", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = AUDIT_EXPORT_COLUMNS.map((column) => ({ header: column, key: column, width: WIDTHS[column], style: { numFmt: "@", alignment: { wrapText: column === "修改内容", vertical: "top" } } }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) sheet.addRow(rowOf(entry));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: AUDIT_EXPORT_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
