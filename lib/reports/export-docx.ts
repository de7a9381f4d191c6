// The whole report as a Word document ready to publish: title, sections 一 to 六, tables in the
// official layout (merged header cells), Chinese fonts.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { activeDisclosureGrid, appealsGrid, applicationsGrid, type Grid } from "./layout";
import { SECTION_TITLES, feeStatement, paragraphs, reportTitle, type ReportDocument } from "./document";

const BODY_FONT = "仿宋_GB2312";
const HEADING_FONT = "黑体";

function body(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: BODY_FONT, size: 28 })],
    indent: { firstLine: 560 },
    spacing: { line: 480 },
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, font: HEADING_FONT, size: 30, bold: false })] });
}

function table(grid: Grid, size = 18): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: cell.header ? AlignmentType.CENTER : AlignmentType.RIGHT,
                    children: [new TextRun({ text: cell.text, size, bold: cell.header, font: BODY_FONT })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function textOrPlaceholder(text: string): Paragraph[] {
  const lines = paragraphs(text);
  return lines.length > 0 ? lines.map(body) : [body("（无）")];
}

export async function reportToDocx(document: ReportDocument): Promise<Buffer> {
  const { figures } = document;
  const doc = new Document({
    creator: "公开 Gongkai",
    title: reportTitle(document),
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: reportTitle(document), font: "方正小标宋简体", size: 40 })],
          }),
          heading(SECTION_TITLES.overview),
          ...textOrPlaceholder(document.sections.overview),
          heading(SECTION_TITLES.activeDisclosure),
          table(activeDisclosureGrid(figures.format, document.activeDisclosure), 20),
          heading(SECTION_TITLES.applications),
          table(applicationsGrid(figures.format, figures.applications), 16),
          heading(SECTION_TITLES.appeals),
          table(appealsGrid(figures.appeals), 16),
          heading(SECTION_TITLES.problems),
          ...textOrPlaceholder(document.sections.problems),
          heading(SECTION_TITLES.other),
          body(feeStatement(figures)),
          ...paragraphs(document.sections.other).map(body),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
