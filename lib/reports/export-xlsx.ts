// The report as an Excel workbook in the official layout: one sheet per table, merged header cells.
import ExcelJS from "exceljs";
import { placeGrid, activeDisclosureGrid, appealsGrid, applicationsGrid, type Grid } from "./layout";
import { FEE_KEYS, FEE_LABELS } from "./definitions";
import { SECTION_TITLES, reportTitle, type ReportDocument } from "./document";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, firstRow: number): number {
  for (const { row, column, cell } of placeGrid(grid)) {
    const top = firstRow + row;
    const left = column + 1;
    const bottom = top + (cell.rowSpan ?? 1) - 1;
    const right = left + (cell.colSpan ?? 1) - 1;
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    const target = sheet.getCell(top, left);
    target.value = typeof cell.value === "number" ? cell.value : cell.value !== undefined && cell.value !== "" && !Number.isNaN(Number(cell.value)) ? Number(cell.value) : cell.text;
    target.alignment = { vertical: "middle", horizontal: cell.header ? "center" : "right", wrapText: true };
    if (cell.header) target.font = { bold: true };
    for (let r = top; r <= bottom; r += 1) for (let c = left; c <= right; c += 1) sheet.getCell(r, c).border = BORDER;
  }
  return firstRow + grid.length;
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, width: number) {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center" };
}

export async function reportToXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "公开 Gongkai";
  workbook.title = reportTitle(document);
  const { figures } = document;

  const disclosure = workbook.addWorksheet("表二 主动公开");
  titleRow(disclosure, SECTION_TITLES.activeDisclosure, 4);
  writeGrid(disclosure, activeDisclosureGrid(figures.format, document.activeDisclosure), 2);
  disclosure.columns = [{ width: 24 }, { width: 18 }, { width: 18 }, { width: 18 }];

  const applications = workbook.addWorksheet("表三 依申请公开");
  titleRow(applications, SECTION_TITLES.applications, 10);
  writeGrid(applications, applicationsGrid(figures.format, figures.applications), 2);
  applications.columns = [{ width: 10 }, { width: 14 }, { width: 40 }, ...Array.from({ length: 7 }, () => ({ width: 11 }))];

  const appeals = workbook.addWorksheet("表四 复议诉讼");
  titleRow(appeals, SECTION_TITLES.appeals, 15);
  writeGrid(appeals, appealsGrid(figures.appeals), 2);
  appeals.columns = Array.from({ length: 15 }, () => ({ width: 10 }));

  const fees = workbook.addWorksheet("六 信息处理费");
  titleRow(fees, `${SECTION_TITLES.other}（信息处理费）`, 2);
  FEE_KEYS.forEach((key, index) => {
    const row = fees.getRow(index + 2);
    row.getCell(1).value = FEE_LABELS[key];
    row.getCell(2).value = key === "notices" ? figures.fees.notices : Number(figures.fees[key]);
    row.getCell(2).numFmt = key === "notices" ? "0" : "0.00";
    row.getCell(1).border = BORDER;
    row.getCell(2).border = BORDER;
  });
  fees.columns = [{ width: 30 }, { width: 16 }];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
