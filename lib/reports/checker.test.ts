// The report checker on published reports that the system did not make (tests/fixtures/reports,
// typed and copied from the seeds): the figures each input gives, and what the checks say about them.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkLine, checkReport } from "./checker";
import { readReportFile, readReportText, type ReadReport, type ReadReportResult } from "./report-reader";
import { reportToXlsx } from "./export-xlsx";
import { reportToDocx } from "./export-docx";
import { ROW_KEYS, type ReportFigures } from "./definitions";

const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/reports");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

function read(result: ReadReportResult): ReadReport {
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

function tablesOf(report: ReadReport) {
  if (report.kind !== "tables") throw new Error("expected tables 三 and 四");
  return report.tables;
}

const HEGANG_BALANCE_FAILURE = "不通过  一+二=（七）+四不成立：自然人 0+0≠3+1；总计 0+0≠3+1";

describe("鹤岗市司法局 2020 (its table 三 breaks its own cross-check)", () => {
  it("as report JSON: names the failing 一+二=（七）+四 check for 自然人 and 总计, and only that one", async () => {
    const report = read(await readReportFile("hegang-2020.report.json", fixture("hegang-2020.report.json")));
    expect(report).toMatchObject({ kind: "tables", year: 2020, tables: { format: "2019" } });
    const { checks } = checkReport(report);
    expect(checks.map(checkLine)).toEqual([
      HEGANG_BALANCE_FAILURE,
      "通过  （七）总计=各项办理结果之和：各列均相符",
      "通过  总计列=六类申请人之和：各行均相符",
      "通过  表四各组 总计=结果维持+结果纠正+其他结果+尚未审结：均相符",
    ]);
  });

  it("pasted as published (Markdown tables): reads the same figures as the typed JSON", async () => {
    const typed = read(await readReportFile("hegang-2020.report.json", fixture("hegang-2020.report.json")));
    const pasted = read(readReportText(fixtureText("hegang-2020.tables.md")));
    expect(pasted.year).toBe(2020);
    expect(tablesOf(pasted)).toEqual(tablesOf(typed));
    expect(checkReport(pasted).checks.map(checkLine)[0]).toBe(HEGANG_BALANCE_FAILURE);
  });
});

describe("江汉区司法局 2019 (no application, no appeal)", () => {
  it("passes every check, as JSON and as published text", async () => {
    const typed = read(await readReportFile("jianghan-2019.report.json", fixture("jianghan-2019.report.json")));
    expect(checkReport(typed).checks.every((check) => check.ok)).toBe(true);
    const pasted = read(await readReportFile("jianghan-2019.tables.txt", fixture("jianghan-2019.tables.txt")));
    expect(pasted.year).toBe(2019);
    expect(tablesOf(pasted)).toEqual(tablesOf(typed));
  });

  it("checks 鹤岗 2020's 二 against a 2019 report given as the previous year", async () => {
    const hegang = read(await readReportFile("hegang-2020.report.json", fixture("hegang-2020.report.json")));
    const jianghan = read(await readReportFile("jianghan-2019.report.json", fixture("jianghan-2019.report.json")));
    const checks = checkReport(hegang, jianghan).checks;
    expect(checks.map((check) => check.rule)).toEqual(["balance", "closed_total", "total_column", "carry_over_previous", "appeals_total"]);
    expect(checks[3]).toEqual({ rule: "carry_over_previous", ok: true, detail: "二=上年度报告（2019 年度）的四：各列均相符" });
    // The other way round the years do not follow: said, not compared.
    const reversed = checkReport(jianghan, hegang).checks.find((check) => check.rule === "carry_over_previous");
    expect(reversed).toMatchObject({ ok: false, detail: "上年度报告是 2020 年度的，本报告是 2019 年度的：应提供 2018 年度的报告" });
  });
});

describe("公主岭市司法局 2013 (pre-2019 statistics tables)", () => {
  it("checks the sums its 表一 prints, in both columns, and skips the empty ones", async () => {
    const report = read(await readReportFile("gongzhuling-2013.tables.txt", fixture("gongzhuling-2013.tables.txt")));
    expect(report).toMatchObject({ kind: "pre2019", year: 2013 });
    expect(checkReport(report).checks.map(checkLine)).toEqual([
      "通过  从事政府信息公开工作人员数=专职人员数+兼职人员数：累计数 10=1+9",
      "通过  公开信息总数=规范性文件类+规划计划和完成情况类信息数+与公众利益密切相关事项类信息数+公共资金使用和监督类信息数+机构调整和人员变动类信息数+其他类信息数：累计数 52=5+0+0+0+1+46；2013年发生数 5=2+0+0+0+0+3",
      "通过  可进行电子信息查阅的查阅点数不超过设立公共信息查阅点数：累计数 0≤1；2013年发生数 0≤1",
      // 52 electronic and 52 paper items make 104, not the 52 printed as the total.
      "不通过  公共信息查阅点汇集信息总数=电子信息数+纸制信息数不成立：累计数 52≠52+52；2013年发生数 52≠52+52",
    ]);
  });
});

describe("workbooks and Word documents in the official layout", () => {
  const figures = (format: "2019" | "2021"): ReportFigures => {
    const rows: ReportFigures["applications"]["rows"] = {};
    ROW_KEYS[format].forEach((key, index) => (rows[key] = [index, 1, 0, 0, 0, 2, index + 3]));
    return {
      year: 2024,
      format,
      applications: { columns: ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org", "total"], rows },
      appeals: {
        reconsideration: { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 },
        litigation_direct: { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 },
        litigation_after_reconsideration: { upheld: 5, corrected: 0, other: 0, pending: 0, total: 4 },
      },
      fees: { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" },
    };
  };

  it.each(["2019", "2021"] as const)("reads back the app's own Excel and Word exports (%s format)", async (format) => {
    const document = { organizationName: "某局", year: 2024, figures: figures(format), sections: { overview: "", problems: "", other: "" }, activeDisclosure: {} };
    for (const [name, bytes] of [
      ["报告.xlsx", await reportToXlsx(document)],
      ["报告.docx", await reportToDocx(document)],
    ] as const) {
      const report = read(await readReportFile(name, new Uint8Array(bytes)));
      expect(report.year, name).toBe(2024);
      expect(tablesOf(report), name).toEqual({ format, applications: document.figures.applications, appeals: document.figures.appeals });
      const failing = checkReport(report).checks.filter((check) => !check.ok).map((check) => check.rule);
      // The made-up figures add up across each row (total = the six columns) and nowhere else.
      expect(failing, name).toEqual(["balance", "closed_total", "appeals_total"]);
    }
  });

  it("reads a sheet laid out by hand, with blank cells for 0 under the header's columns", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表三");
    sheet.addRow(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"]);
    sheet.addRow(["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]);
    sheet.addRow(["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]);
    const labels = [
      ["一、本年新收政府信息公开申请数量", 3, 3],
      ["二、上年结转政府信息公开申请数量", 1, 1],
      ["（一）予以公开", 2, 2],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null, null],
      ["1.属于国家秘密", null, null],
      ["2.其他法律行政法规禁止公开", null, null],
      ["3.危及“三安全一稳定”", null, null],
      ["4.保护第三方合法权益", null, null],
      ["5.属于三类内部事务信息", null, null],
      ["6.属于四类过程性信息", null, null],
      ["7.属于行政执法案卷", null, null],
      ["8.属于行政查询事项", null, null],
      ["1.本机关不掌握相关政府信息", 1, 1],
      ["2.没有现成信息需要另行制作", null, null],
      ["3.补正后申请内容仍不明确", null, null],
      ["1.信访举报投诉类申请", null, null],
      ["2.重复申请", null, null],
      ["3.要求提供公开出版物", null, null],
      ["4.无正当理由大量反复申请", null, null],
      ["5.要求行政机关确认或重新出具已获取信息", null, null],
      ["（六）其他处理", null, null],
      ["（七）总计", 3, 3],
      ["四、结转下年度继续办理", 1, 1],
    ] as const;
    for (const [label, naturalPerson, total] of labels) sheet.addRow([label, "", "", naturalPerson, null, null, null, null, null, total]);
    sheet.addRow([]);
    sheet.addRow(["行政复议", "", "", "", "", "行政诉讼"]);
    sheet.addRow(Array.from({ length: 15 }, () => 0));
    const report = read(await readReportFile("手工.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer())));
    const tables = tablesOf(report);
    expect(tables.format).toBe("2019");
    expect(tables.applications.rows.new_received).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(tables.applications.rows.unavailable_not_held).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(checkReport(report).checks.every((check) => check.ok)).toBe(true);
  });
});

describe("what cannot be read", () => {
  it("says why in Chinese", async () => {
    const messageOf = (result: ReadReportResult) => (result.ok ? "" : result.message);
    expect(messageOf(readReportText('{"applications": {"rows": {}}}'))).toContain("报告数据的格式不对");
    expect(messageOf(readReportText("{ not json"))).toBe("不是有效的 JSON 文件");
    expect(messageOf(readReportText("会议纪要\n一、总体情况"))).toContain("没有找到年度报告的表格");
    const withoutRow = fixtureText("hegang-2020.tables.md").replace(/^.*2\. 重复申请.*$/m, "");
    expect(messageOf(readReportText(withoutRow))).toBe("表三（2019 年格式）缺少以下行：（五）2 2.重复申请");
    const shortRow = fixtureText("jianghan-2019.tables.txt").replace("(七)总计 | 0 | 0 |", "(七)总计 |");
    expect(messageOf(readReportText(shortRow))).toContain("“(七)总计”一行读到 5 个数字，应为 7 个");
    expect(messageOf(await readReportFile("old.xls", new Uint8Array([1, 2, 3])))).toContain("不支持旧版 Office 文件");
    const json = JSON.parse(fixtureText("jianghan-2019.report.json")) as { applications: { rows: Record<string, number[]> } };
    json.applications.rows.granted = [1, 0, 0, 0, 0, 0, -1];
    expect(messageOf(readReportText(JSON.stringify(json)))).toContain("applications.rows.granted");
  });
});
