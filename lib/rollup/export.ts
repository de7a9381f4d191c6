// The combined tables of a roll-up as files: the same Excel and Word exports as a single report
// (lib/reports/export-*.ts), titled for the organization and those below it, with the members and the
// source of their figures stated in section 一 and, in the workbook, on a sheet of their own.
import ExcelJS from "exceljs";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { IsoDate } from "../calendar/workdays";
import { parseInput } from "../validation";
import { reportToDocx } from "../reports/export-docx";
import { reportToXlsx } from "../reports/export-xlsx";
import { reportTitle, type ReportDocument } from "../reports/document";
import { TIMELINESS_LABELS } from "./deadline";
import { FIGURES_SOURCE_LABELS, memberStatusText } from "./labels";
import { getRollup, type Rollup, type RollupRow } from "./queries";

const exportTypeSchema = z.enum(["xlsx", "docx"], { message: "文件类型应为 xlsx 或 docx" });

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** Section 一 of the combined report: what it adds up, and where each figure comes from. */
export function rollupOverview(rollup: Rollup): string {
  const names = (rows: RollupRow[]) => rows.map((row) => row.member.organization.name).join("、");
  const published = rollup.rows.filter((row) => row.member.source === "published");
  const current = rollup.rows.filter((row) => row.member.source !== "published");
  const members = rollup.rows.reduce((count, row) => count + 1 + row.descendants, 0);
  const lines = [
    `本表为${rollup.organization.name}本机关及下级单位共 ${members} 个单位 ${rollup.year} 年度表三、表四及信息处理费数字的逐项合计。`,
    published.length > 0 ? `采用已发布版本的：${names(published)}。` : "",
    current.length > 0 ? `尚未发布、采用当前数字的：${names(current)}。` : "",
    "表二（主动公开政府信息情况）由各单位分别填报，未汇总。",
  ];
  return lines.filter(Boolean).join("\n");
}

async function withMembersSheet(workbookBytes: Buffer, rollup: Rollup): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(workbookBytes).buffer);
  const sheet = workbook.addWorksheet("汇总说明");
  sheet.addRow(["单位", "状态", "汇总采用的数字", "发布期限", "是否按时", "下级单位数"]).font = { bold: true };
  for (const row of rollup.rows) {
    const { member } = row;
    sheet.addRow([
      row.kind === "self" ? `${member.organization.name}（本机关）` : member.organization.name,
      memberStatusText(member.status),
      FIGURES_SOURCE_LABELS[member.source],
      member.timeliness.dueOn,
      TIMELINESS_LABELS[member.timeliness.kind],
      row.descendants,
    ]);
  }
  sheet.columns = [{ width: 30 }, { width: 26 }, { width: 34 }, { width: 12 }, { width: 12 }, { width: 12 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportRollupFile({
  actor,
  year,
  format,
  organizationCode,
  type,
  today,
}: {
  actor: Actor;
  year: unknown;
  format?: string;
  organizationCode?: string;
  type: string;
  today: IsoDate;
}): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const fileType = parseInput(exportTypeSchema, type);
  const rollup = await getRollup({ actor, year, format, organizationCode, today });
  const document: ReportDocument = {
    organizationName: `${rollup.organization.name}及下级单位`,
    year: rollup.year,
    figures: rollup.combined,
    sections: { overview: rollupOverview(rollup), problems: "", other: "" },
    activeDisclosure: {},
  };
  const bytes = fileType === "xlsx" ? await withMembersSheet(await reportToXlsx(document), rollup) : await reportToDocx(document);
  return { bytes, fileName: `${reportTitle(document)}（汇总）.${fileType}`, contentType: CONTENT_TYPES[fileType] };
}

