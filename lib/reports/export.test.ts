// The exports read back: the Excel workbook has the official merged layout and the figures, the Word
// document has the title, the six sections and the figures.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { BALANCE_NOTE, ROW_KEYS, type ReportFigures } from "./definitions";
import { reportToDocx } from "./export-docx";
import { reportToXlsx } from "./export-xlsx";
import type { ReportDocument } from "./document";

function document(): ReportDocument {
  const rows = Object.fromEntries(ROW_KEYS["2021"].map((key) => [key, [0, 0, 0, 0, 0, 0, 0]]));
  rows.new_received = [30, 2, 2, 0, 2, 4, 40];
  rows.granted = [1, 0, 1, 0, 0, 0, 2];
  const group = { upheld: 2, corrected: 0, other: 1, pending: 1, total: 4 };
  const figures: ReportFigures = {
    year: 2024,
    format: "2021",
    applications: { columns: ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org", "total"], rows },
    appeals: { reconsideration: group, litigation_direct: { ...group, total: 0, upheld: 0, other: 0, pending: 0 }, litigation_after_reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 } },
    fees: { notices: 1, amount_noticed: "1230.50", amount_collected: "450.50" },
  };
  return {
    organizationName: "示例市司法局",
    year: 2024,
    figures,
    sections: { overview: "第一段。\n第二段：本年新收{本年新收}件，予以公开{予以公开}件。", problems: "问题与改进。", other: "无其他事项。" },
    activeDisclosure: { "item1.rules.issued": "3", "item8.fees.amount": "12.5" },
  };
}

describe("report exports", () => {
  it("Excel: one sheet per table, merged official headers, the figures in place", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(document())).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "六 信息处理费"]);
    const applications = workbook.getWorksheet("表三 依申请公开")!;
    expect(applications.getCell("A2").value).toBe(BALANCE_NOTE);
    expect(applications.getCell("C4").isMerged).toBe(true); // inside the 3×3 note
    expect(applications.getCell("D2").value).toBe("申请人情况");
    // Row 5 is 一、本年新收: figures from column D.
    expect(applications.getCell("A5").value).toBe("一、本年新收政府信息公开申请数量");
    expect([4, 5, 6, 7, 8, 9, 10].map((column) => applications.getCell(5, column).value)).toEqual([30, 2, 2, 0, 2, 4, 40]);
    expect(applications.getCell("A7").value).toBe("三、本年度办理结果");
    expect(applications.getCell("B7").value).toBe("（一）予以公开");
    expect(applications.getCell("J7").value).toBe(2);
    const appeals = workbook.getWorksheet("表四 复议诉讼")!;
    expect([1, 2, 3, 4, 5].map((column) => appeals.getCell(5, column).value)).toEqual([2, 0, 1, 1, 4]);
    expect(appeals.getCell(5, 15).value).toBe(1);
    const disclosure = workbook.getWorksheet("表二 主动公开")!;
    expect(disclosure.getCell("A2").value).toBe("第二十条第（一）项");
    expect(disclosure.getCell("B3").value).toBe("本年制发件数");
    expect(disclosure.getCell("B4").value).toBe(3);
    const fees = workbook.getWorksheet("六 信息处理费")!;
    expect([fees.getCell("B2").value, fees.getCell("B3").value, fees.getCell("B4").value]).toEqual([1, 1230.5, 450.5]);
  });

  it("Excel: every sheet prints on A4 one page wide with page numbers, table 三 repeats its title and header rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(document())).buffer);
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddFooter).toContain("&P");
    }
    const applications = workbook.getWorksheet("表三 依申请公开")!;
    expect(applications.pageSetup.printTitlesRow).toBe("1:4");
    expect(workbook.getWorksheet("表四 复议诉讼")!.pageSetup.orientation).toBe("landscape");
    // （六）1 and （六）2 (rows 25 and 26) are two lines tall, （六）3 one: no label prints over the next.
    expect(applications.getCell(25, 3).value).toBe("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    const height = (row: number) => applications.getRow(row).height;
    expect(height(25)).toBeGreaterThan(height(27));
    expect(height(26)).toBeGreaterThan(height(27));
    expect(applications.getCell(25, 3).alignment?.wrapText).toBe(true);
  });

  it("Word: title, sections 一 to 六, tables with merged cells and the figures", async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(document()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("示例市司法局2024年政府信息公开工作年度报告");
    for (const title of ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]) {
      expect(text).toContain(title);
    }
    expect(text).toContain("第二段：本年新收40件，予以公开2件。");
    expect(text).not.toContain("{");
    expect(text).toContain("本年度发出收费通知1件，总金额1230.50元，实际收取信息处理费450.50元");
    expect(text).toContain(BALANCE_NOTE);
    expect(xml).toContain('w:vMerge w:val="restart"');
    expect(xml).toContain("<w:gridSpan");
  });

  it("Word: A4, header rows repeated, rows never split, fixed column widths, page numbers, black headings", async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(document()));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Tables 三 and 四 repeat their three header rows; every row of every table is kept whole.
    expect(xml.match(/<w:tblHeader\/>/g)?.length ?? xml.match(/<w:tblHeader/g)?.length).toBe(6);
    const rows = xml.match(/<w:tr>|<w:tr /g)?.length ?? 0;
    expect(xml.match(/<w:cantSplit/g)?.length).toBe(rows);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    // Table 三's label columns are wide, its seven figure columns narrow.
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((match) => [...match[1]!.matchAll(/w:w="(\d+)"/g)].map((width) => Number(width[1])));
    const table3 = grids.find((widths) => widths.length === 10)!;
    expect(table3[2]).toBeGreaterThan(4 * table3[3]!);
    expect(new Set(table3.slice(3)).size).toBe(1);
    const footers = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
    expect(footers.join("")).toContain("PAGE");
    expect(xml).not.toMatch(/w:color w:val="(?!000000)/);
  });
});
