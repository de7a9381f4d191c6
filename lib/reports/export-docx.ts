// The whole report as a Word document ready to publish (docs/decisions/0042): A4 with the margins of
// GB/T 9704 公文, 方正小标宋 title, 黑体 headings and 仿宋_GB2312 text in black, page numbers "— N —";
// tables in the official layout with merged header cells, fixed column widths (label columns wide,
// figure columns narrow, so that every label of table 三 takes at most two lines), header rows repeated
// on every page and rows never split across pages. The text's placeholders are filled from the same
// figures the tables print (document.ts fillReportSections).
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import { activeDisclosureGrid, appealsGrid, applicationsGrid, type Grid } from "./layout";
import { SECTION_TITLES, fillReportSections, paragraphs, reportTitle, type ReportDocument } from "./document";
import { feeSentence } from "./narrative";

// Units: twips (1/20 pt; 1 mm ≈ 56.7 twips) and half-points for font sizes.
const A4 = { width: 11906, height: 16838 };
/** GB/T 9704-2012: 天头 37 mm, 订口 28 mm; bottom 35 mm, right 26 mm. */
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
/** 156 mm. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const FONTS = {
  title: "方正小标宋简体",
  heading: "黑体",
  body: "仿宋_GB2312",
  /** Page numbers: 宋体 四号 (GB/T 9704 7.5). */
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;

const SIZE = { title: 44, heading: 32, body: 32, pageNumber: 28 } as const;
const BLACK = "000000";

/** East Asian text in `eastAsia`, figures and Latin letters in Times New Roman. */
function font(eastAsia: string) {
  return { eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin };
}

function run(text: string, options: Omit<IRunOptions, "text"> & { eastAsia: string }): TextRun {
  const { eastAsia, ...rest } = options;
  return new TextRun({ text, font: font(eastAsia), color: BLACK, ...rest });
}

/** 正文: 三号仿宋, first line indented by two characters, fixed 28 pt lines (22 lines a page). */
function body(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, { eastAsia: FONTS.body, size: SIZE.body })],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** 一级标题: 三号黑体, indented like the text, kept with what follows. */
function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, { eastAsia: FONTS.heading, size: SIZE.heading })],
    indent: { firstLine: SIZE.heading * 20 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 120 },
    keepNext: true,
    keepLines: true,
  });
}

interface TableLayout {
  /** Column widths in twips, summing to at most TEXT_WIDTH. */
  columnWidths: number[];
  /** The first rows that form the header (repeated on every page). */
  headerRows: number;
  /** Font size of the cells, in half-points. */
  size: number;
}

/** Cell padding left and right: 1 mm. */
const CELL_MARGIN = 57;

/** 六号 (7.5 pt): the size of the figures tables. */
const TABLE_SIZE = 15;

/**
 * Table 三 in 六号 (150 twips a character): the section label (三、本年度办理结果) five characters wide,
 * the group labels（（三）不予公开 …）four, the leaf labels nineteen — the longest, （六）2's 35
 * characters, takes two lines even where a line may not begin with its 、 — and the seven figure columns share the rest, three characters
 * and more each, so 社会公益组织 and 法律服务机构 take two lines.
 */
function applicationsLayout(): TableLayout {
  const character = TABLE_SIZE * 10;
  // 16 twips of slack a column against rounding in the layout engines.
  const labels = [5, 4, 19].map((characters) => characters * character + 2 * CELL_MARGIN + 16);
  const figure = Math.floor((TEXT_WIDTH - labels.reduce((sum, width) => sum + width, 0)) / 7);
  return { columnWidths: [...labels, ...Array.from({ length: 7 }, () => figure)], headerRows: 3, size: TABLE_SIZE };
}

/** Table 四: fifteen equal columns in 六号 (结果维持 and 尚未审结 take two lines of two characters). */
function appealsLayout(): TableLayout {
  const width = Math.floor(TEXT_WIDTH / 15);
  return { columnWidths: Array.from({ length: 15 }, () => width), headerRows: 3, size: TABLE_SIZE };
}

/** Table 二: the label column wider, three figure columns, at 10 pt; short, so no repeated header. */
function activeDisclosureLayout(): TableLayout {
  const figure = 2000;
  return { columnWidths: [TEXT_WIDTH - 3 * figure, figure, figure, figure], headerRows: 0, size: 20 };
}

/** A four-character column header in a narrow column reads 结果 / 维持 rather than 结果维 / 持. */
function headerLines(text: string, narrowHeader: boolean): string[] {
  return narrowHeader && text.length === 4 ? [text.slice(0, 2), text.slice(2)] : [text];
}

function table(grid: Grid, layout: TableLayout): Table {
  return new Table({
    width: { size: layout.columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: layout.columnWidths,
    layout: TableLayoutType.FIXED,
    rows: grid.map(
      (cells, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex < layout.headerRows,
          cantSplit: true,
          children: cells.map((cell) => {
            // Header rows, and table 二's caption and column-name rows (labels only), are centred and bold.
            const isHeaderRow = rowIndex < layout.headerRows || cells.every((other) => other.header);
            // Labels of the body rows read from the left (the group cells, spanning rows, stay centred).
            const alignment = !cell.header || isHeaderRow || (cell.rowSpan ?? 1) > 1 ? AlignmentType.CENTER : AlignmentType.LEFT;
            return new TableCell({
              columnSpan: cell.colSpan,
              rowSpan: cell.rowSpan,
              verticalAlign: VerticalAlign.CENTER,
              // On every cell: LibreOffice ignores the table's default cell margins and pads 1.9 mm.
              margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
              children: [
                new Paragraph({
                  alignment,
                  spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
                  children: headerLines(cell.text, isHeaderRow && (cell.colSpan ?? 1) === 1).flatMap((line, index) => [
                    run(line, { eastAsia: FONTS.body, size: layout.size, bold: cell.header && isHeaderRow, break: index > 0 ? 1 : undefined }),
                  ]),
                }),
              ],
            });
          }),
        }),
    ),
  });
}

function textOrPlaceholder(text: string): Paragraph[] {
  const lines = paragraphs(text);
  return lines.length > 0 ? lines.map(body) : [body("（无）")];
}

/** "— 3 —", centred at the foot of every page. */
function pageNumberFooter(): Footer {
  const options = { font: font(FONTS.pageNumber), size: SIZE.pageNumber, color: BLACK };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...options, text: "— " }), new TextRun({ ...options, children: [PageNumber.CURRENT] }), new TextRun({ ...options, text: " —" })],
      }),
    ],
  });
}

export async function reportToDocx(document: ReportDocument): Promise<Buffer> {
  const { figures } = document;
  const sections = fillReportSections(document);
  const doc = new Document({
    creator: "公开 Gongkai",
    title: reportTitle(document),
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body, color: BLACK } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGIN, header: 851, footer: 992 },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [
          // One paragraph: a long title wraps where Word puts the line break.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
            children: [run(reportTitle(document), { eastAsia: FONTS.title, size: SIZE.title })],
          }),
          heading(SECTION_TITLES.overview),
          ...textOrPlaceholder(sections.overview),
          heading(SECTION_TITLES.activeDisclosure),
          table(activeDisclosureGrid(figures.format, document.activeDisclosure), activeDisclosureLayout()),
          heading(SECTION_TITLES.applications),
          table(applicationsGrid(figures.format, figures.applications), applicationsLayout()),
          heading(SECTION_TITLES.appeals),
          table(appealsGrid(figures.appeals), appealsLayout()),
          heading(SECTION_TITLES.problems),
          ...textOrPlaceholder(sections.problems),
          heading(SECTION_TITLES.other),
          body(feeSentence(figures)),
          ...paragraphs(sections.other).map(body),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
