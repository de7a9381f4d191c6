import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LEDGER_EXTRA_COLUMNS, LEDGER_SHEET_NAME, ledgerToCsv, ledgerToXlsx } from "./export";
import { LEDGER_COLUMNS, toLedgerRow, type LedgerRow } from "./ledger";

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
// TextDecoder drops a leading byte order mark unless told to keep it.
const csvText = (content: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(content);

function sampleRow(requestContent: string): LedgerRow {
  return toLedgerRow({
    caseNumber: "GK-2024-000007",
    receivedOn: date("2024-01-06"),
    channel: "OTHER",
    applicantType: "NATURAL_PERSON",
    applicantName: "何娜",
    applicantIdNumber: null,
    applicantContact: null,
    requestContent,
    correctionRequestedOn: null,
    correctionReceivedOn: null,
    consultationSentOn: null,
    consultationAnsweredOn: null,
    extensionNotifiedOn: date("2024-01-20"),
    extensionWorkdays: 20,
    feeMethod: "PER_APPLICATION",
    feeNoticeOn: date("2024-01-22"),
    feeAmount: { toFixed: () => "200.00" },
    feePaidOn: null,
    closedOn: date("2024-02-07"),
    outcome: "NOT_PROCESSED_CONFIRM_OR_REISSUE",
    proceedings: [],
  });
}

describe("ledgerToCsv", () => {
  it("starts with a byte order mark and the header row, with CRLF line ends", () => {
    const text = csvText(ledgerToCsv([]));
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toBe(`\uFEFF${LEDGER_COLUMNS.join(",")}\r\n`);
  });

  it("quotes a field with a comma, a quote or a line break, and doubles the quotes", () => {
    const text = csvText(ledgerToCsv([sampleRow('申请公开"2024年度"行政处罚决定书,含附件\n第二行')]));
    const lines = text.slice(1).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    const dataLine = lines[1] ?? "";
    expect(dataLine).toContain(',"申请公开""2024年度""行政处罚决定书,含附件\n第二行",');
    expect(dataLine.startsWith("GK-2024-000007,2024-01-06,其他,自然人,何娜,,,")).toBe(true);
    expect(dataLine).toContain(",2024-01-20,20,按件,2024-01-22,200.00,,2024-02-07,要求行政机关确认或重新出具已获取信息,");
    expect(dataLine.endsWith(",,,,,,,")).toBe(true);
  });

  it("leaves plain fields unquoted", () => {
    const dataLine = csvText(ledgerToCsv([sampleRow("申请公开2024年度行政处罚决定书")])).split("\r\n")[1] ?? "";
    expect(dataLine).not.toContain('"');
  });
});

describe("ledgerToXlsx", () => {
  it("writes one sheet with a bold, frozen header, dates as date cells and amounts as numbers", async () => {
    const content = await ledgerToXlsx([sampleRow("申请公开，含“引号”与\n换行")]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content.buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([LEDGER_SHEET_NAME]);
    const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const header = sheet.getRow(1);
    expect(header.font?.bold).toBe(true);
    const headerValues = LEDGER_COLUMNS.map((_, index) => header.getCell(index + 1).value);
    expect(headerValues).toEqual([...LEDGER_COLUMNS]);

    const row = sheet.getRow(2);
    const cell = (column: (typeof LEDGER_COLUMNS)[number]) => row.getCell(LEDGER_COLUMNS.indexOf(column) + 1).value;
    expect(cell("申请编号")).toBe("GK-2024-000007");
    expect(cell("收到申请日期")).toEqual(new Date("2024-01-06T00:00:00Z"));
    expect(row.getCell(LEDGER_COLUMNS.indexOf("收到申请日期") + 1).numFmt).toBe("yyyy-mm-dd");
    expect(cell("申请内容")).toBe("申请公开，含“引号”与\n换行");
    expect(cell("延期工作日数")).toBe(20);
    expect(cell("收费金额")).toBe(200);
    expect(row.getCell(LEDGER_COLUMNS.indexOf("收费金额") + 1).numFmt).toBe("0.00");
    expect(cell("办理结果")).toBe("要求行政机关确认或重新出具已获取信息");
    expect(cell("复议申请日期")).toBeNull();
    expect(sheet.rowCount).toBe(2);
    expect(header.cellCount).toBe(LEDGER_COLUMNS.length);
  });

  it("adds the six reading columns after the contract's, typed, when given", async () => {
    const extras = new Map([["GK-2024-000007", { 截止日期: "2024-02-20", 状态: "已办结", 经办人: "王登记", 代理人: "李律师", 缴费金额: "200.00", 送达方式: "邮寄" }]]);
    const content = await ledgerToXlsx([sampleRow("申请公开")], extras);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content.buffer);
    const sheet = workbook.getWorksheet(LEDGER_SHEET_NAME)!;
    const values = (row: number) => Array.from({ length: LEDGER_COLUMNS.length + LEDGER_EXTRA_COLUMNS.length }, (_, index) => sheet.getRow(row).getCell(index + 1).value);
    expect(values(1).slice(LEDGER_COLUMNS.length)).toEqual([...LEDGER_EXTRA_COLUMNS]);
    expect(values(2).slice(LEDGER_COLUMNS.length)).toEqual([new Date("2024-02-20T00:00:00Z"), "已办结", "王登记", "李律师", 200, "邮寄"]);
  });
});
