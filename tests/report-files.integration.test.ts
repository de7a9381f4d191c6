// The report files as a reader sees them: the 2024 report of the sample ledger, exported as Word and
// Excel, converted to PDF by LibreOffice and read back word by word (tests/pdf-render.ts). Table 三 fits
// the page width with every label on at most two lines, each Excel table prints one page wide, every
// page has its number; and the text's figures are the tables' figures, also after a case changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { importLedger } from "@/lib/cases/ledger-import-store";
import { recordCaseEvent } from "@/lib/cases/mutations";
import { BALANCE_NOTE, COLUMN_KEYS } from "@/lib/reports/definitions";
import { exportReportFile } from "@/lib/reports/export";
import { applicationsGrid } from "@/lib/reports/layout";
import { FIGURES_PARAGRAPH_TEMPLATE } from "@/lib/reports/narrative";
import { publishReport, saveReportDraft } from "@/lib/reports/publication";
import { computeReport } from "@/lib/reports/queries";
import { convertToPdf, linesOf, readPdfPages, type PdfPage } from "./pdf-render";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-30";
const YEAR = 2024;
const SAMPLE = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", "ledger-sample.csv")));
/** GB/T 9704 margins of the Word export, in points: left 28 mm, right 26 mm. */
const LEFT_MARGIN = (28 / 25.4) * 72;
const RIGHT_MARGIN = (26 / 25.4) * 72;
const OVERVIEW = `本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n${FIGURES_PARAGRAPH_TEMPLATE}本年度予以公开{予以公开}件。`;

let manager: Actor;
const cleanups: (() => Promise<void>)[] = [];

async function exportFile(type: "docx" | "xlsx", version?: number) {
  return (await exportReportFile({ actor: manager, year: YEAR, type, version })).bytes;
}

async function pdfPagesOf(bytes: Uint8Array, type: "docx" | "xlsx"): Promise<PdfPage[]> {
  const { pdfPath, cleanup } = await convertToPdf(bytes, type);
  cleanups.push(cleanup);
  return readPdfPages(pdfPath);
}

/** The Word file's paragraphs outside tables, and table 三's cells by row label. */
async function readDocx(bytes: Uint8Array) {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const textOf = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) => match[1]!);
  const table3 = tables.find((table) => textOf(table).includes(BALANCE_NOTE))!;
  const rows = [...table3.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) => [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => textOf(cell[1]!)));
  /** The 总计 figure of the row whose label is `label`. */
  const total = (label: string) => Number(rows.find((cells) => cells.includes(label))!.at(-1));
  const text = textOf(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""));
  return { text, total };
}

function figureIn(text: string, pattern: RegExp): number {
  const match = pattern.exec(text);
  if (!match) throw new Error(`文中没有 ${pattern}：${text}`);
  return Number(match[1]);
}

beforeAll(async () => {
  const organization = await createTestOrganization("版式司法局");
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  const imported = await importLedger({ organizationCode: organization.code, file: { name: "ledger-sample.csv", bytes: SAMPLE }, today: TODAY });
  expect(imported.ok).toBe(true);
  await saveReportDraft({
    actor: manager,
    input: { year: YEAR, format: "2021", version: 0, sections: { overview: OVERVIEW, problems: "个别案件答复不够及时。", other: "无。" }, activeDisclosure: { "item1.rules.issued": "2" } },
  });
});

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

describe("the Word file through LibreOffice", () => {
  let pages: PdfPage[];

  beforeAll(async () => {
    pages = await pdfPagesOf(await exportFile("docx"), "docx");
  }, 240_000);

  it("prints table 三 within the page width, every label on at most two lines", async () => {
    const table3Pages = pages.filter((page) => page.text.includes("申请人情况"));
    expect(table3Pages.length).toBeGreaterThan(0);
    const report = await computeReport({ actor: manager, year: YEAR });
    const labels = applicationsGrid("2021", report.applications)
      .flat()
      .filter((cell) => cell.header)
      .map((cell) => cell.text);
    expect(labels).toContain("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    for (const label of labels) {
      const lines = table3Pages.map((page) => linesOf(page, label)).find((count) => count !== null);
      expect(lines, `“${label}”不在表三中`).not.toBeUndefined();
      expect(lines, `“${label}”占 ${lines} 行`).toBeLessThanOrEqual(2);
    }
    for (const page of table3Pages) {
      for (const word of page.words) {
        expect(word.xMin).toBeGreaterThanOrEqual(LEFT_MARGIN - 2);
        expect(word.xMax).toBeLessThanOrEqual(page.width - RIGHT_MARGIN + 2);
      }
    }
  });

  it("numbers every page", () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page.text).toContain(`—${index + 1}—`));
  });
});

describe("the Excel file through LibreOffice", () => {
  it("prints each table one page wide, its title and header on every page, with page numbers", async () => {
    const pages = await pdfPagesOf(await exportFile("xlsx"), "xlsx");
    // Each page shows the leftmost labels and the rightmost column of its table: nothing is cut off.
    const tables = [
      { title: "二、主动公开政府信息情况", left: "信息内容", right: "现行有效件数" },
      { title: "三、收到和处理政府信息公开申请情况", left: "申请人情况", right: "总计" },
      { title: "四、政府信息公开行政复议、行政诉讼情况", left: "行政复议", right: "复议后起诉" },
      { title: "六、其他需要报告的事项（信息处理费）", left: "实际收取的总金额（元）", right: "450.50" },
    ];
    for (const table of tables) {
      const ofTable = pages.filter((page) => page.text.includes(table.title));
      expect(ofTable.length, table.title).toBeGreaterThan(0);
      for (const page of ofTable) {
        expect(page.text, table.title).toContain(table.left);
        expect(page.text, table.title).toContain(table.right);
      }
    }
    expect(pages.every((page) => tables.some((table) => page.text.includes(table.title)))).toBe(true);
    pages.forEach((page, index) => expect(page.text).toContain(`第${index + 1}页，共${pages.length}页`));
    // The labels of （六）1 and （六）2 print on their own lines, one above the other, not over each other.
    const table3 = pages.find((page) => page.text.includes("三、收到和处理政府信息公开申请情况"))!;
    const top = (prefix: string) => table3.words.find((word) => word.text.startsWith(prefix))!;
    const first = top("1.申请人无正当理由");
    const second = top("2.申请人逾期未按");
    expect(second.yMin).toBeGreaterThan(first.yMax + 8);
  }, 240_000);
});

describe("the text states the tables' figures", () => {
  it("in today's file, after a case changes, and in a published version", async () => {
    const before = await readDocx(await exportFile("docx"));
    const grantedBefore = figureIn(before.text, /本年度予以公开(\d+)件/);
    expect(grantedBefore).toBe(before.total("（一）予以公开"));
    expect(figureIn(before.text, /共收到政府信息公开申请(\d+)件/)).toBe(before.total("一、本年新收政府信息公开申请数量"));
    expect(figureIn(before.text, /本年度办结(\d+)件/)).toBe(before.total("（七）总计"));
    expect(figureIn(before.text, /结转下年度继续办理(\d+)件/)).toBe(before.total("四、结转下年度继续办理"));
    expect(before.text).toContain("国办函〔2020〕109号");

    // A case carried over to 2025 is decided, granted, in December 2024.
    const open = await db.application.findFirstOrThrow({
      where: { organizationId: manager.organizationId, status: "OPEN", clockPhase: "RUNNING", receivedOn: { gte: new Date("2024-01-01"), lte: new Date("2024-11-30") } },
      orderBy: { caseNumber: "asc" },
    });
    await recordCaseEvent({
      actor: manager,
      applicationId: open.id,
      expectedVersion: null,
      today: TODAY,
      input: { type: "DECISION_SERVED", occurredOn: "2024-12-20", details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition: "GRANTED" }] } },
    });

    const after = await readDocx(await exportFile("docx"));
    expect(after.total("（一）予以公开")).toBe(grantedBefore + 1);
    expect(figureIn(after.text, /本年度予以公开(\d+)件/)).toBe(grantedBefore + 1);
    expect(figureIn(after.text, /其中予以公开(\d+)件/)).toBe(grantedBefore + 1);
    expect(figureIn(after.text, /本年度办结(\d+)件/)).toBe(after.total("（七）总计"));
    expect(figureIn(after.text, /结转下年度继续办理(\d+)件/)).toBe(after.total("四、结转下年度继续办理"));

    // Published, the version keeps its figures and its text keeps stating them.
    const report = await computeReport({ actor: manager, year: YEAR });
    const failing = report.checks.filter((check) => !check.ok);
    expect(failing).toEqual([]);
    const { version } = await publishReport({ actor: manager, input: { year: YEAR, format: "2021" } });
    const published = await readDocx(await exportFile("docx", version));
    expect(figureIn(published.text, /本年度予以公开(\d+)件/)).toBe(published.total("（一）予以公开"));
    expect(published.total("（一）予以公开")).toBe(report.applications.rows.granted![COLUMN_KEYS.indexOf("total")]);
  }, 60_000);
});
