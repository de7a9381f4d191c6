import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { shippedCalendar as calendar } from "@/tests/shipped-calendar";
import { ledgerToCsv, ledgerToXlsx } from "./export";
import { LEDGER_COLUMNS, ledgerCellText, toLedgerRow, type LedgerColumn, type LedgerRow } from "./ledger";
import {
  caseSequenceFromNumber,
  formatLedgerIssue,
  outcomeFromLedger,
  parseCsv,
  parseLedgerFile,
  validateLedgerRows,
  type LedgerCase,
  type LedgerValidationOptions,
} from "./ledger-import";
import { caseEventInputSchema } from "./schemas";

const TODAY = "2026-06-30";
const SAMPLE = readFileSync(path.resolve(import.meta.dirname, "../../tests/fixtures/ledger-sample.csv"));

function options(overrides: Partial<LedgerValidationOptions> = {}): LedgerValidationOptions {
  return { calendar, feeStopsClock: true, today: TODAY, existingCaseNumbers: new Set(), ...overrides };
}

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";
const HEADER = LEDGER_COLUMNS.join(",");

/** A CSV line in ledger column order from the cells given (the rest empty). */
function csvLine(cells: Partial<Record<LedgerColumn, string>>): string {
  return LEDGER_COLUMNS.map((column) => {
    const text = cells[column] ?? "";
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",");
}

const BASE_ROW: Partial<Record<LedgerColumn, string>> = {
  申请编号: "GK-2024-000001",
  收到申请日期: "2024-03-18",
  申请方式: "网络",
  申请人类型: "自然人",
  申请人: "张静",
  申请内容: "申请公开2024年度法律援助案件统计",
};

async function importText(lines: string[], validation = options()) {
  const parsed = await parseLedgerFile("ledger.csv", encode(`${lines.join("\r\n")}\r\n`));
  return { parsed, ...validateLedgerRows(parsed.rows, validation) };
}

/** A stored case as export sees it: the inverse check of the import. */
function exportRowOf(ledgerCase: LedgerCase): LedgerRow {
  const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
  const { projection } = ledgerCase;
  const proceedings = [
    ...(ledgerCase.reconsideration ? [{ kind: "RECONSIDERATION" as const, route: null, ...ledgerCase.reconsideration }] : []),
    ...(ledgerCase.litigation ? [{ kind: "LITIGATION" as const, ...ledgerCase.litigation }] : []),
  ].map((proceeding) => ({
    kind: proceeding.kind,
    route: proceeding.route,
    reconsiderationId: null,
    onlyCoDefendantAsReviewOrgan: false,
    filedOn: date(proceeding.filedOn)!,
    result: proceeding.result,
    decidedOn: date(proceeding.decidedOn),
  }));
  return toLedgerRow({
    ...ledgerCase,
    receivedOn: date(ledgerCase.receivedOn)!,
    correctionRequestedOn: date(projection.correctionRequestedOn),
    correctionReceivedOn: date(projection.correctionReceivedOn),
    consultationSentOn: date(projection.consultationSentOn),
    consultationAnsweredOn: date(projection.consultationAnsweredOn),
    extensionNotifiedOn: date(projection.extensionNotifiedOn),
    extensionWorkdays: projection.extensionWorkdays,
    feeMethod: projection.feeMethod,
    feeNoticeOn: date(projection.feeNoticeOn),
    feeAmount: projection.feeAmount ? { toFixed: (digits: number) => Number(projection.feeAmount).toFixed(digits) } : null,
    feePaidOn: date(projection.feePaidOn),
    closedOn: date(projection.closedOn),
    outcome: projection.outcome,
    proceedings,
  });
}

describe("the sample ledger", () => {
  it("reads every row and builds a case for each", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(80);
    const { cases, errors } = validateLedgerRows(parsed.rows, options());
    expect(errors).toEqual([]);
    expect(cases).toHaveLength(80);
  });

  it("is the exact inverse of the export: every case gives back its row", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { cases } = validateLedgerRows(parsed.rows, options());
    for (const [index, ledgerCase] of cases.entries()) {
      const exported = exportRowOf(ledgerCase);
      const source = parsed.rows[index]!.cells;
      expect(Object.fromEntries(LEDGER_COLUMNS.map((column) => [column, ledgerCellText(exported[column])]))).toEqual(source);
    }
  });

  it("imports histories the clock does not admit as recorded, with a warning naming row and column", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { cases, warnings } = validateLedgerRows(parsed.rows, options());
    expect(warnings.map(formatLedgerIssue)).toEqual([
      "第 7 行［收费通知日期］当前状态为“等待补正”，不能发出收费通知（与办理时限规则不符，已按台账原样导入）",
      "第 13 行［延期告知日期］等待补正期间答复期限不计算，无需延期（与办理时限规则不符，已按台账原样导入）",
      "第 19 行［办理结果］缴费期限 2023-07-25 尚未届满，不能按“逾期未缴纳费用”办结（与办理时限规则不符，已按台账原样导入）",
      "第 31 行［办理结果］缴费期限 2023-08-08 尚未届满，不能按“逾期未缴纳费用”办结（与办理时限规则不符，已按台账原样导入）",
      "第 77 行［办理结果］缴费期限 2023-02-13 尚未届满，不能按“逾期未缴纳费用”办结（与办理时限规则不符，已按台账原样导入）",
    ]);
    // Row 19: closed as the ledger says, although the replay stopped waiting for the fee.
    expect(cases.find((ledgerCase) => ledgerCase.rowNumber === 19)?.projection).toMatchObject({
      status: "CLOSED",
      clockPhase: "CLOSED",
      closedOn: "2023-07-14",
      outcome: "OTHER_FEE_UNPAID",
      feeNoticeOn: "2023-06-27",
      feeAmount: "300.00",
    });
  });

  it("refuses those rows when asked to hold the ledger to the clock's rules", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { errors, warnings } = validateLedgerRows(parsed.rows, options({ clockRuleViolations: "refuse" }));
    expect(warnings).toEqual([]);
    expect(errors.map((error) => [error.row, error.column])).toEqual([
      [7, "收费通知日期"],
      [13, "延期告知日期"],
      [19, "办理结果"],
      [31, "办理结果"],
      [77, "办理结果"],
    ]);
  });

  it("builds events that the case log's own schema accepts, in the order they happened", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { cases } = validateLedgerRows(parsed.rows, options());
    for (const ledgerCase of cases) {
      for (const event of ledgerCase.events) expect(caseEventInputSchema.safeParse(event).success).toBe(true);
      const dates = ledgerCase.events.map((event) => event.occurredOn);
      expect(dates).toEqual(dates.toSorted());
    }
    // Row 49 (GK-2023-000048): 补正, consultation answered on the day of closing, a reconsideration upheld.
    const consulted = cases.find((ledgerCase) => ledgerCase.caseNumber === "GK-2023-000048")!;
    expect(consulted.events.map((event) => [event.type, event.occurredOn])).toEqual([
      ["CORRECTION_REQUESTED", "2023-06-15"],
      ["CORRECTION_RECEIVED", "2023-07-03"],
      ["CONSULTATION_SENT", "2023-07-10"],
      ["CONSULTATION_ANSWERED", "2023-07-19"],
      ["DECISION_SERVED", "2023-07-19"],
    ]);
    expect(consulted.events.at(-1)).toMatchObject({
      details: { items: [{ disposition: "GRANTED" }], serviceMethod: "（台账导入）" },
    });
    expect(consulted.reconsideration).toEqual({ filedOn: "2023-07-23", result: "UPHELD", decidedOn: "2023-08-07" });
    expect(consulted).toMatchObject({ caseYear: 2023, caseSequence: 48, applicantType: "LEGAL_SERVICE_ORG", channel: "OTHER" });
  });
});

describe("a malformed ledger", () => {
  it("names every bad row and column in Chinese, and yields no case to write from a bad row", async () => {
    const columnsWithoutApplicantType = LEDGER_COLUMNS.filter((column) => column !== "申请人类型");
    const line = (cells: Partial<Record<LedgerColumn, string>>) =>
      columnsWithoutApplicantType.map((column) => cells[column] ?? "").join(",");
    const lines = [
      columnsWithoutApplicantType.join(","),
      line({ ...BASE_ROW, 申请编号: "A-1" }),
      line({ ...BASE_ROW, 申请编号: "A-2", 收到申请日期: "2024-02-30" }),
      line({ ...BASE_ROW, 申请编号: "A-3", 办结日期: "2024-04-01", 办理结果: "已公开" }),
      line({ ...BASE_ROW, 申请编号: "A-1" }),
      line({ ...BASE_ROW, 申请编号: "OLD-9" }),
      line({ ...BASE_ROW, 申请编号: "A-6", 申请方式: "微信", 延期告知日期: "2024-03-20", 延期工作日数: "25" }),
      line({ ...BASE_ROW, 申请编号: "A-7", 收费通知日期: "2024-03-20", 收费方式: "按件", 收费金额: "100.505" }),
      line({ ...BASE_ROW, 申请编号: "A-8", 补正收到日期: "2024-03-20", 复议结果: "结果维持" }),
      line({ ...BASE_ROW, 申请编号: "A-9", 收到申请日期: "2026-07-01" }),
      line({ ...BASE_ROW, 申请编号: "A-10", 申请人: "", 缴费日期: "2024-03-01" }),
    ];
    const { parsed, cases, errors } = await importText(lines, options({ existingCaseNumbers: new Set(["OLD-9"]) }));
    expect([...parsed.errors, ...errors].map(formatLedgerIssue)).toEqual([
      "第 1 行［申请人类型］缺少必填列“申请人类型”",
      "第 3 行［收到申请日期］“2024-02-30”不是有效日期，应为 YYYY-MM-DD（如 2024-03-18）",
      "第 4 行［办理结果］“已公开”不是 2021 年报表三的办理结果；请填写表中的文字（如“予以公开”“本机关不掌握相关政府信息”）或其代码（如 granted）",
      "第 5 行［申请编号］申请编号“A-1”与第 2 行重复",
      "第 6 行［申请编号］申请编号“OLD-9”在本机构已存在",
      "第 7 行［申请方式］“微信”不是可选的值，应为 当面、邮寄、网络、传真、电子邮件、口头、其他、平信 之一",
      "第 7 行［延期工作日数］“25”不是有效的延期工作日数，应为 1–20 的整数",
      "第 8 行［收费金额］金额“100.505”超过两位小数（以元为单位，精确到分）",
      "第 9 行［补正收到日期］填写了补正收到日期，但没有填写补正告知日期",
      "第 9 行［复议结果］填写了复议结果，但没有填写复议申请日期",
      "第 9 行［复议结果］填写了复议结果，但没有填写复议结果日期",
      "第 10 行［收到申请日期］日期 2026-07-01 晚于今天（2026-06-30），不能预先登记",
      "第 11 行［申请人］必填，不能为空",
      "第 11 行［缴费日期］缴费日期 2024-03-01 早于收到申请日期 2024-03-18",
      "第 11 行［缴费日期］填写了缴费日期，但没有填写收费通知日期",
    ]);
    // Without 申请人类型 no row is complete (the store writes nothing anyway once there is an error).
    expect(cases).toEqual([]);
  });

  it("reports an unclosed quote and a row wider than the header", async () => {
    const wide = `${csvLine({ ...BASE_ROW })},多余的内容`;
    const unclosed = csvLine({ ...BASE_ROW, 申请编号: "B-2" }).replace("申请公开", '"申请公开');
    const { parsed } = await importText([HEADER, wide, unclosed]);
    expect(parsed.errors.map(formatLedgerIssue)).toEqual([
      "第 3 行：引号未闭合：从本行起到文件末尾都被读成了一个单元格",
      "第 2 行：本行有 28 个单元格，多于表头的 27 列（内容中有逗号时，该单元格须用双引号括起）",
    ]);
  });

  it("refuses a file that is not a ledger", async () => {
    expect((await parseLedgerFile("notes.csv", encode("姓名,电话\r\n张三,123\r\n"))).errors.map(formatLedgerIssue)).toEqual([
      "第 1 行：第一行应为列名（申请编号、收到申请日期、申请方式、申请人类型 …），没有找到任何台账列",
    ]);
    expect((await parseLedgerFile("ledger.xls", encode("whatever"))).errors[0]?.message).toContain("不支持旧版 Excel");
    expect((await parseLedgerFile("ledger.xlsx", encode("PK\u0003\u0004broken"))).errors[0]?.message).toContain("无法读取 XLSX 文件");
    expect((await parseLedgerFile("empty.csv", encode("\r\n\r\n"))).errors[0]?.message).toContain("文件是空的");
  });
});

describe("reading CSV", () => {
  it("reads the same rows with or without a byte order mark, skipping blank rows", async () => {
    const text = [HEADER, csvLine(BASE_ROW), "", ",,,", csvLine({ ...BASE_ROW, 申请编号: "GK-2024-000002" })].join("\n");
    const withBom = await parseLedgerFile("ledger.csv", encode(BOM + text));
    const withoutBom = await parseLedgerFile("ledger.csv", encode(text));
    expect(withBom).toEqual(withoutBom);
    expect(withBom.errors).toEqual([]);
    expect(withBom.rows.map((row) => [row.rowNumber, row.cells.申请编号])).toEqual([
      [2, "GK-2024-000001"],
      [5, "GK-2024-000002"],
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted cells, and counts spreadsheet rows, not lines", async () => {
    const content = '申请公开"老旧小区改造"资金，\r\n包括：招标文件,合同';
    const text = [HEADER, csvLine({ ...BASE_ROW, 申请内容: content }), csvLine({ ...BASE_ROW, 申请编号: "X", 收到申请日期: "bad" })].join("\r\n");
    const parsed = await parseLedgerFile("ledger.csv", encode(text));
    expect(parsed.rows[0]?.cells.申请内容).toBe(content);
    const { errors } = validateLedgerRows(parsed.rows, options());
    expect(errors.map((error) => [error.row, error.column])).toEqual([[3, "收到申请日期"]]);
  });

  it("reads a file exported by the app back unchanged", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { cases } = validateLedgerRows(parsed.rows, options());
    const exported = ledgerToCsv(cases.map(exportRowOf));
    const again = await parseLedgerFile("export.csv", exported);
    expect(again.rows.map((row) => row.cells)).toEqual(parsed.rows.map((row) => row.cells));
  });

  it("parses RFC 4180 edge cases", () => {
    expect(parseCsv('a,"b ""c""",\r\n"",x\ry\n').records.map((record) => record.values)).toEqual([
      ["a", 'b "c"', ""],
      ["", "x"],
      ["y"],
    ]);
    expect(parseCsv('"a"b,c').errors[0]?.message).toContain("右引号后还有字符");
  });

  it("reads a CSV that Excel saved in GB18030, with dates rewritten as YYYY/M/D", async () => {
    // "申请编号,收到申请日期,申请方式,申请人类型,申请人,申请内容\r\nGK-2024-000001,2024/3/8,网络,自然人,张静,申请公开统计\r\n"
    // in GB18030, as Excel's "CSV (逗号分隔)" writes it on Chinese Windows.
    const gb18030 = Buffer.from(
      "c9eac7ebb1e0bac52ccad5b5bdc9eac7ebc8d5c6da2cc9eac7ebb7bdcabd2cc9eac7ebc8cbc0e0d0cd2cc9eac7ebc8cb2cc9eac7ebc4dac8dd0d0a" +
        "474b2d323032342d3030303030312c323032342f332f382ccdf8c2e72cd7d4c8bbc8cb2cd5c5beb22cc9eac7ebb9abbfaacdb3bcc60d0a",
      "hex",
    );
    const parsed = await parseLedgerFile("ledger.csv", gb18030);
    const { cases, errors } = validateLedgerRows(parsed.rows, options());
    expect([...parsed.errors, ...errors]).toEqual([]);
    expect(cases[0]).toMatchObject({ applicantName: "张静", channel: "ONLINE", receivedOn: "2024-03-08", requestContent: "申请公开统计" });
  });
});

describe("reading XLSX", () => {
  it("accepts date cells as dates and number cells as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    const columns: string[] = ["申请人", "申请编号", "收到申请日期", "申请方式", "申请人类型", "申请内容", "延期告知日期", "延期工作日数", "收费方式", "收费通知日期", "收费金额", "备注"];
    sheet.addRow(columns);
    sheet.addRow([
      "张静",
      "GK-2024-000007",
      new Date(Date.UTC(2024, 2, 18)),
      "网络",
      "自然人",
      { richText: [{ text: "申请公开" }, { text: "2024年度统计", font: { bold: true } }] },
      new Date(Date.UTC(2024, 2, 20)),
      10,
      "按量",
      "2024-03-25",
      450.5,
      "备注不导入",
    ]);
    sheet.addRow([]);
    sheet.getCell("C2").numFmt = "yyyy-mm-dd";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const parsed = await parseLedgerFile("台账.xlsx", bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.cells).toMatchObject({ 收到申请日期: "2024-03-18", 延期告知日期: "2024-03-20", 延期工作日数: "10", 收费金额: "450.5" });
    const { cases, errors } = validateLedgerRows(parsed.rows, options());
    expect(errors).toEqual([]);
    expect(cases[0]).toMatchObject({ requestContent: "申请公开2024年度统计", caseSequence: 7 });
    expect(cases[0]?.projection).toMatchObject({ extensionNotifiedOn: "2024-03-20", extensionWorkdays: 10, feeMethod: "PER_VOLUME", feeAmount: "450.50" });
  });

  it("reads the app's own XLSX export back unchanged", async () => {
    const parsed = await parseLedgerFile("ledger-sample.csv", SAMPLE);
    const { cases } = validateLedgerRows(parsed.rows, options());
    const again = await parseLedgerFile("export.xlsx", await ledgerToXlsx(cases.map(exportRowOf)));
    expect(again.errors).toEqual([]);
    // Amounts are number cells: 450.50 reads back as 450.5, the same yuan.
    const sameYuan = (cells: Record<string, string | undefined>) => ({ ...cells, 收费金额: cells.收费金额 ? Number(cells.收费金额).toFixed(2) : cells.收费金额 });
    expect(again.rows.map((row) => sameYuan(row.cells))).toEqual(parsed.rows.map((row) => sameYuan(row.cells)));
  });
});

describe("values", () => {
  it("takes 办理结果 as the table prints it, with straight or no quotes, or by its key", () => {
    expect(outcomeFromLedger("危及“三安全一稳定”")).toBe("WITHHELD_SECURITY_STABILITY");
    expect(outcomeFromLedger('危及"三安全一稳定"')).toBe("WITHHELD_SECURITY_STABILITY");
    expect(outcomeFromLedger("危及三安全一稳定")).toBe("WITHHELD_SECURITY_STABILITY");
    expect(outcomeFromLedger("withheld_security_stability")).toBe("WITHHELD_SECURITY_STABILITY");
    expect(outcomeFromLedger("granted")).toBe("GRANTED");
    expect(outcomeFromLedger("其他")).toBe("OTHER_OTHER");
    expect(outcomeFromLedger("不予公开")).toBeUndefined();
  });

  it("gives an extension 20 working days when the ledger leaves the number empty", async () => {
    const { cases } = await importText([HEADER, csvLine({ ...BASE_ROW, 延期告知日期: "2024-04-01" })]);
    expect(cases[0]?.events).toEqual([
      {
        type: "EXTENSION",
        occurredOn: "2024-04-01",
        details: { workdays: 20, approvedBy: "（台账导入）", approvedOn: "2024-04-01", reason: "（台账导入）" },
      },
    ]);
  });

  it("marks a consultation answered after the 15-working-day window as expired", async () => {
    // 2024-03-20 + 15 working days = 2024-04-11 (Qingming 4–6 April off, Sunday 7 April worked).
    const { cases } = await importText([
      HEADER,
      csvLine({ ...BASE_ROW, 申请编号: "C-1", 征求意见日期: "2024-03-20", 征求意见答复日期: "2024-04-11" }),
      csvLine({ ...BASE_ROW, 申请编号: "C-2", 征求意见日期: "2024-03-20", 征求意见答复日期: "2024-04-12" }),
    ]);
    const answered = cases.map((ledgerCase) => ledgerCase.events.find((event) => event.type === "CONSULTATION_ANSWERED")?.details);
    expect(answered).toEqual([{ windowExpired: false }, { windowExpired: true }]);
  });

  it("records a payment of the amount noticed, and closes with the ledger's outcome", async () => {
    const { cases, warnings } = await importText([
      HEADER,
      csvLine({
        ...BASE_ROW,
        收费方式: "按件",
        收费通知日期: "2024-03-20",
        收费金额: "200",
        缴费日期: "2024-03-25",
        办结日期: "2024-04-15",
        办理结果: "部分公开",
      }),
    ]);
    expect(warnings).toEqual([]);
    expect(cases[0]?.events.map((event) => event.type)).toEqual(["FEE_NOTICE", "FEE_PAID", "DECISION_SERVED"]);
    expect(cases[0]?.projection).toMatchObject({ feeAmount: "200.00", feePaidAmount: "200.00", status: "CLOSED", outcome: "PARTIALLY_GRANTED" });
  });

  it("sets the 补正 period so that a case closed as 逾期不补正 fits the clock", async () => {
    const { cases, warnings } = await importText([
      HEADER,
      csvLine({ ...BASE_ROW, 补正告知日期: "2024-03-19", 办结日期: "2024-03-25", 办理结果: "other_no_correction" }),
    ]);
    expect(warnings).toEqual([]);
    expect(cases[0]?.events[0]).toMatchObject({ type: "CORRECTION_REQUESTED", details: { deadlineOn: "2024-03-24" } });
    expect(cases[0]?.projection).toMatchObject({ status: "CLOSED", outcome: "OTHER_NO_CORRECTION", correctionDeadlineOn: "2024-03-24" });
  });

  it("leaves the 补正 period of an open case unknown instead of inventing one", async () => {
    const { cases, warnings } = await importText([HEADER, csvLine({ ...BASE_ROW, 补正告知日期: "2024-03-20" })]);
    expect(warnings).toEqual([]);
    expect(cases[0]?.events[0]).toMatchObject({ type: "CORRECTION_REQUESTED", details: { deadlineOn: null } });
    expect(cases[0]?.projection).toMatchObject({ status: "OPEN", clockPhase: "AWAITING_CORRECTION", correctionDeadlineOn: null });
  });

  it("imports a notice after the 7 working days as a late notice: the clock stops and does not restart", async () => {
    // Received Mon 2024-03-18: notice due by 03-27, reply by 04-16 (清明 4/4–4/6, Sun 4/7 worked). Notice 04-01,
    // supplement 04-08: 4/2, 4/3, 4/7, 4/8 stopped = 4 working days, so 04-16 + 4 = 04-22 (not 20 days from 04-08).
    const { cases, warnings } = await importText([HEADER, csvLine({ ...BASE_ROW, 补正告知日期: "2024-04-01", 补正收到日期: "2024-04-08" })]);
    expect(warnings).toEqual([]);
    expect(cases[0]?.events[0]).toMatchObject({ details: { lateReason: expect.stringContaining("台账") } });
    expect(cases[0]?.projection).toMatchObject({ correctionNoticeLate: true, dueOn: "2024-04-22", periodStartOn: "2024-03-18" });
  });

  it("links a lawsuit after reconsideration and checks its dates", async () => {
    const { cases, errors } = await importText([
      HEADER,
      csvLine({ ...BASE_ROW, 申请编号: "L-1", 起诉日期: "2024-05-01", 诉讼类型: "复议后起诉" }),
      csvLine({ ...BASE_ROW, 申请编号: "L-2", 复议申请日期: "2024-04-01", 起诉日期: "2024-05-01", 诉讼类型: "复议后起诉", 诉讼结果: "结果纠正", 诉讼结果日期: "2024-06-01" }),
    ]);
    expect(errors.map(formatLedgerIssue)).toEqual(["第 2 行［诉讼类型］填写了诉讼类型，但没有填写复议申请日期"]);
    expect(cases[0]).toMatchObject({
      reconsideration: { filedOn: "2024-04-01", result: null, decidedOn: null },
      litigation: { filedOn: "2024-05-01", route: "AFTER_RECONSIDERATION", result: "CORRECTED", decidedOn: "2024-06-01" },
    });
  });

  it("takes the sequence from the end of the case number", () => {
    expect(caseSequenceFromNumber("GK-2024-000123")).toBe(123);
    expect(caseSequenceFromNumber("司公开〔2024〕12号")).toBe(12);
    expect(caseSequenceFromNumber("无编号")).toBe(0);
    expect(caseSequenceFromNumber("GK-99999999999")).toBe(0);
  });
});

describe("every row the contract allows (interfaces.md §2)", () => {
  async function importOne(cells: Partial<Record<LedgerColumn, string>>) {
    const result = await importText([HEADER, csvLine({ ...BASE_ROW, ...cells })]);
    expect(result.errors.map(formatLedgerIssue)).toEqual([]);
    expect(result.cases).toHaveLength(1);
    const ledgerCase = result.cases[0]!;
    // Stored events are read back through the case log's schema: each must pass it.
    for (const event of ledgerCase.events) expect(caseEventInputSchema.safeParse(event).success, event.type).toBe(true);
    // A round trip loses nothing: the export gives back the row's cells.
    const exported = exportRowOf(ledgerCase);
    const source = result.parsed.rows[0]!.cells;
    expect(Object.fromEntries(LEDGER_COLUMNS.map((column) => [column, ledgerCellText(exported[column])]))).toEqual(source);
    return { ledgerCase, warnings: result.warnings.map(formatLedgerIssue) };
  }

  it("imports a 收费通知日期 without 收费方式, counting the notice with its amount", async () => {
    const { ledgerCase, warnings } = await importOne({ 收费通知日期: "2024-03-20", 收费金额: "200.00", 缴费日期: "2024-03-25" });
    expect(ledgerCase.projection).toMatchObject({ feeNoticeOn: "2024-03-20", feeMethod: null, feeAmount: "200.00", feePaidAmount: "200.00" });
    expect(ledgerCase.events[0]).toMatchObject({ type: "FEE_NOTICE", details: { amount: "200.00", unrecorded: ["method"] } });
    expect(warnings).toEqual(["第 2 行［收费通知日期］有收费通知日期而未填写收费方式：已导入，收费通知计入年度报告“六”的件数"]);
  });

  it("imports a 收费通知日期 without 收费金额 (or without both), its amount unknown, not invented", async () => {
    const { ledgerCase, warnings } = await importOne({ 收费方式: "按件", 收费通知日期: "2024-03-20", 缴费日期: "2024-03-25" });
    expect(ledgerCase.projection).toMatchObject({ feeNoticeOn: "2024-03-20", feeMethod: "PER_APPLICATION", feeAmount: null, feePaidOn: "2024-03-25", feePaidAmount: null });
    expect(ledgerCase.events.map((event) => event.details)).toEqual([
      { method: "PER_APPLICATION", applicantReceivedOn: "2024-03-20", unrecorded: ["amount"] },
      {},
    ]);
    expect(warnings).toEqual([
      "第 2 行［收费通知日期］有收费通知日期而未填写收费金额：已导入，收费通知计入年度报告“六”的件数，但其金额（及缴费金额）未知，不计入总金额和实收金额",
    ]);
    const neither = await importOne({ 收费通知日期: "2024-03-20" });
    expect(neither.ledgerCase.projection).toMatchObject({ feeNoticeOn: "2024-03-20", feeMethod: null, feeAmount: null });
    expect(neither.warnings[0]).toContain("未填写收费方式和收费金额");
  });

  it.each([
    ["征求意见答复日期", { 征求意见日期: "2024-03-20", 征求意见答复日期: "2024-04-12" }, "consultationAnsweredOn"],
    ["缴费日期", { 收费方式: "按件", 收费通知日期: "2024-03-20", 收费金额: "100.00", 缴费日期: "2024-04-12" }, "feePaidOn"],
    ["延期告知日期", { 延期告知日期: "2024-04-12", 延期工作日数: "10" }, "extensionNotifiedOn"],
    ["补正收到日期", { 补正告知日期: "2024-03-20", 补正收到日期: "2024-04-12" }, "correctionReceivedOn"],
  ] as const)("imports a %s after 办结日期 with a warning, keeping the closing as recorded", async (column, cells, field) => {
    const { ledgerCase, warnings } = await importOne({ ...cells, 办结日期: "2024-04-10", 办理结果: "予以公开" });
    expect(ledgerCase.projection).toMatchObject({ status: "CLOSED", closedOn: "2024-04-10", outcome: "GRANTED", [field]: "2024-04-12" });
    expect(warnings).toContain(
      `第 2 行［${column}］${column} 2024-04-12 晚于办结日期 2024-04-10：已按台账原样导入，该步骤不改变办结日期和办理结果，也不计入期限`,
    );
    // The clock's own refusal of the late step says nothing more and is left out; a case closed while
    // still waiting for the 补正 or the fee breaks a rule of its own, and keeps that warning.
    const waiting = column === "补正收到日期" || column === "缴费日期";
    expect(warnings.filter((warning) => warning.includes("与办理时限规则不符"))).toHaveLength(waiting ? 1 : 0);
  });

  it("takes 证件号码 and 联系方式 as free text, and a one-character 申请内容", async () => {
    const contact = "电话 0452-1234567、13800000000（工作日 8:30–17:00）；通信地址：黑龙江省鹤岗市向阳区某街道 12 号 3 单元 401 室，邮编 154100；电子邮箱 someone@example.com";
    const { ledgerCase, warnings } = await importOne({ 证件号码: "身份证 110101199003077774", 联系方式: contact, 申请内容: "略" });
    expect(ledgerCase).toMatchObject({ applicantIdNumber: "身份证 110101199003077774", applicantContact: contact, requestContent: "略" });
    expect(warnings).toEqual([]);
    const bare = await importText([HEADER, csvLine({ ...BASE_ROW, 证件号码: "11010519491231002x" })]);
    expect(bare.cases[0]?.applicantIdNumber).toBe("11010519491231002X");
  });

  it("reads a date written 2024年3月18日 or 2024.3.18", async () => {
    const { ledgerCase } = await importText([HEADER, csvLine({ ...BASE_ROW, 收到申请日期: "2024年3月18日", 办结日期: "2024.4.1", 办理结果: "予以公开" })]).then(
      (result) => ({ ledgerCase: result.cases[0]! }),
    );
    expect(ledgerCase.projection).toMatchObject({ closedOn: "2024-04-01" });
    expect(ledgerCase.receivedOn).toBe("2024-03-18");
  });
});

describe("XLSX dates in the built-in East-Asian formats", () => {
  /**
   * A workbook whose 收到申请日期 cell is styled with built-in format `id`, undeclared in styles.xml, as
   * Excel and WPS write yyyy"年"m"月"d"日": written by ExcelJS with a custom format, then rewritten.
   */
  async function workbookWithBuiltInDateFormat(id: number): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.addRow(["申请编号", "收到申请日期", "申请方式", "申请人类型", "申请人", "申请内容"]);
    sheet.addRow(["GK-2024-000031", new Date(Date.UTC(2024, 2, 1)), "网络", "自然人", "张静", "申请公开统计"]);
    sheet.getCell("B2").numFmt = 'yyyy"年"m"月"d"日"';
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const custom = /<numFmt numFmtId="(\d+)" formatCode="[^"]*年[^"]*"\/>/.exec(styles);
    expect(custom).not.toBeNull();
    const rewritten = styles.replace(custom![0], "").replaceAll(`numFmtId="${custom![1]}"`, `numFmtId="${id}"`);
    zip.file("xl/styles.xml", rewritten);
    return zip.generateAsync({ type: "uint8array" });
  }

  it("imports a date cell with built-in format 31 (yyyy\"年\"m\"月\"d\"日\") as the date", async () => {
    const bytes = await workbookWithBuiltInDateFormat(31);
    // The file is what the test says: read as it is, ExcelJS sees the serial number 45352.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(bytes.slice().buffer);
    expect(plain.worksheets[0]!.getCell("B2").value).toBe(45352);

    const parsed = await parseLedgerFile("台账.xlsx", bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.cells.收到申请日期).toBe("2024-03-01");
    const { cases, errors } = validateLedgerRows(parsed.rows, options());
    expect(errors).toEqual([]);
    expect(cases[0]?.receivedOn).toBe("2024-03-01");
  });

  it.each([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58])("reads built-in format %i as a date", async (id) => {
    const parsed = await parseLedgerFile("台账.xlsx", await workbookWithBuiltInDateFormat(id));
    expect(parsed.rows[0]?.cells.收到申请日期).toBe("2024-03-01");
  });
});
