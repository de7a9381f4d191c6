// The Word file of a letter: a layout (.docx) with docxtemplater tags, filled with the letterhead, the
// number and the final text (docs/decisions/0040). The standard layout is made here with the `docx`
// library (A4, GB/T 9704 margins, 方正小标宋 title, 仿宋_GB2312 text); an organization may upload its own
// layout made in Word or WPS with the same tags. Pure.
import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { LAYOUT_TAGS } from "./definitions";

/** What fills a layout: the tags of LAYOUT_TAGS; 段落 is the text's paragraphs, each { 文字 }. */
export interface LetterLayoutData {
  机关全称: string;
  标题: string;
  文号: string;
  收件人: string;
  段落: { 文字: string }[];
  文书日期: string;
  机关地址: string;
  邮政编码: string;
  机关电话: string;
  案件编号: string;
}

const BLACK = "000000";
const font = (eastAsia: string) => ({ eastAsia, ascii: "Times New Roman", hAnsi: "Times New Roman" });
const BODY = { font: font("仿宋_GB2312"), size: 32, color: BLACK };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

let standardLayout: Promise<Buffer> | undefined;

/** The standard layout (made once per process). */
export function standardLetterLayout(): Promise<Buffer> {
  standardLayout ??= Packer.toBuffer(
    new Document({
      creator: "公开 Gongkai",
      styles: { default: { document: { run: BODY } } },
      sections: [
        {
          properties: {
            page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 } },
          },
          footers: {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({ ...BODY, size: 28, text: "— " }),
                    new TextRun({ ...BODY, size: 28, children: [PageNumber.CURRENT] }),
                    new TextRun({ ...BODY, size: 28, text: " —" }),
                  ],
                }),
              ],
            }),
          },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { line: 700, lineRule: LineRuleType.EXACT },
              children: [new TextRun({ text: "{机关全称}", font: font("方正小标宋简体"), size: 44, color: BLACK })],
            }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { line: 700, lineRule: LineRuleType.EXACT },
              children: [new TextRun({ text: "{标题}", font: font("方正小标宋简体"), size: 44, color: BLACK })],
            }),
            new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [new TextRun({ ...BODY, text: "{文号}" })] }),
            new Paragraph({ spacing: LINE, children: [new TextRun({ ...BODY, text: "{收件人}：" })] }),
            // With paragraphLoop, the paragraphs holding only {#段落} and {/段落} go away and the one between
            // them repeats once per paragraph of the text.
            new Paragraph({ children: [new TextRun({ ...BODY, text: "{#段落}" })] }),
            new Paragraph({
              spacing: LINE,
              indent: { firstLine: 640 },
              alignment: AlignmentType.JUSTIFIED,
              children: [new TextRun({ ...BODY, text: "{文字}" })],
            }),
            new Paragraph({ children: [new TextRun({ ...BODY, text: "{/段落}" })] }),
            new Paragraph({ spacing: LINE, children: [] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 640 }, children: [new TextRun({ ...BODY, text: "{机关全称}" })] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 640 }, children: [new TextRun({ ...BODY, text: "{文书日期}" })] }),
            new Paragraph({ spacing: { ...LINE, before: 560 }, children: [] }),
            new Paragraph({
              spacing: { line: 360, lineRule: LineRuleType.AUTO },
              children: [new TextRun({ ...BODY, size: 24, text: "（登记编号：{案件编号}　地址：{机关地址}　邮编：{邮政编码}　联系电话：{机关电话}）" })],
            }),
          ],
        },
      ],
    }),
  );
  return standardLayout;
}

function templater(layout: Uint8Array, inspect?: InspectModule): Docxtemplater {
  return new Docxtemplater(new PizZip(layout), {
    paragraphLoop: true,
    linebreaks: true,
    modules: inspect ? [inspect] : [],
    nullGetter: () => "",
  });
}

/** Problems of an uploaded layout, in Chinese: not a Word file, unbalanced tags, unknown tags, no text. */
export function checkLetterLayout(layout: Uint8Array): string[] {
  const inspect = new InspectModule();
  try {
    templater(layout, inspect);
  } catch (error) {
    const errors = (error as { properties?: { errors?: { properties?: { explanation?: string; xtag?: string } }[] } }).properties?.errors;
    if (errors?.length) return errors.map((item) => `版式中的标记有误：${item.properties?.xtag ?? ""}（${item.properties?.explanation ?? "无法解析"}）`);
    return ["无法读取该文件：请上传 Word（.docx）格式的版式文件"];
  }
  const tags = Object.keys(inspect.getAllTags());
  const problems = tags.filter((tag) => !(LAYOUT_TAGS as readonly string[]).includes(tag)).map((tag) => `版式中没有名为“${tag}”的标记`);
  if (!tags.includes("段落")) problems.push("版式须包含正文段落的循环：单独一段 {#段落}，其后一段 {文字}，再单独一段 {/段落}");
  return problems;
}

/** Fills a layout: the finished Word file of a letter. */
export function renderLetterDocx(layout: Uint8Array, data: LetterLayoutData): Buffer {
  const doc = templater(layout);
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}
