// The report as an Excel workbook in the official layout (docs/decisions/0042): one sheet per table,
// merged header cells, figures as numbers; set up to print on A4 one page wide (table 四, fifteen
// columns, in landscape), the title and header rows repeated on every page, page numbers in the footer; column widths
// and row heights sized to the labels, so that wrapped labels never print over each other.
import ExcelJS from "exceljs";
import { placeGrid, activeDisclosureGrid, appealsGrid, applicationsGrid, type Grid } from "./layout";
import { FEE_KEYS, FEE_LABELS } from "./definitions";
import { SECTION_TITLES, reportTitle, type ReportDocument } from "./document";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Cell text size (pt) and the height of one line of it (pt). */
const FONT_SIZE = 10;
const LINE_HEIGHT = 14;
const FONT = { name: "宋体", size: FONT_SIZE } as const;
/**
 * Width, in Excel's column units (the width of a "0" of the default font), of one Chinese character of
 * FONT_SIZE: 1.8 measured in LibreOffice and Excel; the sizing counts 2 to keep a margin.
 */
const CHINESE_CHARACTER_UNITS = 2;

/** Page setup: A4, one page wide, as many pages tall as needed, the given rows repeated. */
function printSetup(orientation: "portrait" | "landscape", titleRows: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: titleRows,
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", evenFooter: "&C第 &P 页，共 &N 页" },
  };
}

/** Display width of a text in column units: Chinese characters count double. */
function textUnits(text: string): number {
  let units = 0;
  for (const character of text) units += /[\u0000-\u00ff]/.test(character) ? 1.1 : CHINESE_CHARACTER_UNITS;
  return units;
}

/** Lines a text takes in a cell this many units wide (one unit of padding on each side). */
function linesIn(text: string, widthUnits: number): number {
  return Math.max(1, Math.ceil(textUnits(text) / Math.max(1, widthUnits - 2)));
}

function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, firstRow: number, widths: readonly number[]): number {
  const lines = grid.map(() => 1);
  for (const { row, column, cell } of placeGrid(grid)) {
    const top = firstRow + row;
    const left = column + 1;
    const rowSpan = cell.rowSpan ?? 1;
    const colSpan = cell.colSpan ?? 1;
    const bottom = top + rowSpan - 1;
    const right = left + colSpan - 1;
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    const target = sheet.getCell(top, left);
    target.value = typeof cell.value === "number" ? cell.value : cell.value !== undefined && cell.value !== "" && !Number.isNaN(Number(cell.value)) ? Number(cell.value) : cell.text;
    if (typeof target.value === "number") target.numFmt = Number.isInteger(target.value) ? "0" : "0.00";
    const labelOfBodyRow = cell.header && !grid[row]!.every((other) => other.header) && rowSpan === 1;
    target.alignment = { vertical: "middle", horizontal: cell.header ? (labelOfBodyRow ? "left" : "center") : "center", wrapText: true };
    target.font = { ...FONT, bold: Boolean(cell.header) && !labelOfBodyRow };
    for (let r = top; r <= bottom; r += 1) for (let c = left; c <= right; c += 1) sheet.getCell(r, c).border = BORDER;
    // A cell spanning rows shares its lines among them.
    const width = widths.slice(column, column + colSpan).reduce((sum, units) => sum + units, 0);
    const perRow = Math.ceil(linesIn(cell.text, width) / rowSpan);
    for (let r = row; r < row + rowSpan; r += 1) lines[r] = Math.max(lines[r] ?? 1, perRow);
  }
  lines.forEach((count, index) => {
    sheet.getRow(firstRow + index).height = count * LINE_HEIGHT + 4;
  });
  return firstRow + grid.length;
}

function titleRow(sheet: ExcelJS.Worksheet, text: string, width: number) {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { ...FONT, bold: true, size: 14 };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 26;
}

function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: { title: string; grid: Grid; widths: number[]; headerRows: number; orientation: "portrait" | "landscape" },
) {
  const sheet = workbook.addWorksheet(name, printSetup(options.orientation, `1:${1 + options.headerRows}`));
  sheet.columns = options.widths.map((width) => ({ width }));
  titleRow(sheet, options.title, options.widths.length);
  writeGrid(sheet, options.grid, 2, options.widths);
  return sheet;
}

export async function reportToXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "公开 Gongkai";
  workbook.title = reportTitle(document);
  const { figures } = document;

  addTableSheet(workbook, "表二 主动公开", {
    title: SECTION_TITLES.activeDisclosure,
    grid: activeDisclosureGrid(figures.format, document.activeDisclosure),
    widths: [24, 18, 18, 18],
    headerRows: 0,
    orientation: "portrait",
  });

  // Label columns: 三、本年度办理结果 on two lines, the group labels on two, the leaf labels (up to 35
  // characters) on two; figure columns wide enough for 社会公益组织 on two lines.
  addTableSheet(workbook, "表三 依申请公开", {
    title: SECTION_TITLES.applications,
    grid: applicationsGrid(figures.format, figures.applications),
    widths: [12, 11, 38, ...Array.from({ length: 7 }, () => 9)],
    headerRows: 3,
    // Portrait as the official table; fitted to the width it prints at about 80 %, on one page.
    orientation: "portrait",
  });

  addTableSheet(workbook, "表四 复议诉讼", {
    title: SECTION_TITLES.appeals,
    grid: appealsGrid(figures.appeals),
    widths: Array.from({ length: 15 }, () => 7),
    headerRows: 3,
    orientation: "landscape",
  });

  const fees = workbook.addWorksheet("六 信息处理费", printSetup("portrait", "1:1"));
  fees.columns = [{ width: 34 }, { width: 16 }];
  titleRow(fees, `${SECTION_TITLES.other}（信息处理费）`, 2);
  FEE_KEYS.forEach((key, index) => {
    const row = fees.getRow(index + 2);
    row.getCell(1).value = FEE_LABELS[key];
    row.getCell(2).value = key === "notices" ? figures.fees.notices : Number(figures.fees[key]);
    row.getCell(2).numFmt = key === "notices" ? "0" : "0.00";
    for (const cell of [row.getCell(1), row.getCell(2)]) {
      cell.border = BORDER;
      cell.font = FONT;
      cell.alignment = { vertical: "middle", wrapText: true };
    }
    row.height = LINE_HEIGHT + 8;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
