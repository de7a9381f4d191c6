import { describe, expect, it } from "vitest";
import { LEDGER_COLUMNS, toLedgerRow, type LedgerApplication, type LedgerProceeding } from "./ledger";
import { OUTCOME_LABELS } from "./labels";

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const amount = (text: string) => ({ toFixed: (digits: number) => Number(text).toFixed(digits) });

function application(overrides: Partial<LedgerApplication> = {}): LedgerApplication {
  return {
    caseNumber: "GK-2024-000001",
    receivedOn: date("2024-03-18"),
    channel: "ONLINE",
    applicantType: "NATURAL_PERSON",
    applicantName: "张静",
    applicantIdNumber: null,
    applicantContact: null,
    requestContent: "申请公开2024年度法律援助案件统计",
    correctionRequestedOn: null,
    correctionReceivedOn: null,
    consultationSentOn: null,
    consultationAnsweredOn: null,
    extensionNotifiedOn: null,
    extensionWorkdays: null,
    feeMethod: null,
    feeNoticeOn: null,
    feeAmount: null,
    feePaidOn: null,
    closedOn: null,
    outcome: null,
    proceedings: [],
    ...overrides,
  };
}

function proceeding(overrides: Partial<LedgerProceeding> & Pick<LedgerProceeding, "kind" | "filedOn">): LedgerProceeding {
  return { route: null, reconsiderationId: null, onlyCoDefendantAsReviewOrgan: false, result: null, decidedOn: null, ...overrides };
}

describe("toLedgerRow", () => {
  it("has exactly the ledger columns, in order", () => {
    expect(Object.keys(toLedgerRow(application()))).toEqual([...LEDGER_COLUMNS]);
    expect(LEDGER_COLUMNS).toHaveLength(27);
    expect(LEDGER_COLUMNS[0]).toBe("申请编号");
    expect(LEDGER_COLUMNS.at(-1)).toBe("诉讼结果日期");
  });

  it("writes an open case with empty cells for what has not happened", () => {
    const row = toLedgerRow(application());
    expect(row).toMatchObject({
      申请编号: "GK-2024-000001",
      收到申请日期: "2024-03-18",
      申请方式: "网络",
      申请人类型: "自然人",
      申请人: "张静",
      证件号码: null,
      申请内容: "申请公开2024年度法律援助案件统计",
      办结日期: null,
      办理结果: null,
      复议申请日期: null,
      起诉日期: null,
    });
  });

  it("writes dates as YYYY-MM-DD, the amount with two decimals and the extension as a number", () => {
    const row = toLedgerRow(
      application({
        channel: "ORDINARY_MAIL",
        applicantType: "OTHER_ORG",
        applicantIdNumber: "91110000100000000X",
        applicantContact: "010-12345678",
        correctionRequestedOn: date("2024-03-19"),
        correctionReceivedOn: date("2024-03-25"),
        consultationSentOn: date("2024-03-26"),
        consultationAnsweredOn: date("2024-04-02"),
        extensionNotifiedOn: date("2024-04-20"),
        extensionWorkdays: 10,
        feeMethod: "PER_VOLUME",
        feeNoticeOn: date("2024-04-22"),
        feeAmount: amount("450.5"),
        feePaidOn: date("2024-04-25"),
        closedOn: date("2024-05-10"),
        outcome: "WITHHELD_SECURITY_STABILITY",
      }),
    );
    expect(row).toMatchObject({
      申请方式: "邮寄",
      申请人类型: "其他",
      证件号码: "91110000100000000X",
      联系方式: "010-12345678",
      补正告知日期: "2024-03-19",
      补正收到日期: "2024-03-25",
      征求意见日期: "2024-03-26",
      征求意见答复日期: "2024-04-02",
      延期告知日期: "2024-04-20",
      延期工作日数: 10,
      收费方式: "按量",
      收费通知日期: "2024-04-22",
      收费金额: "450.50",
      缴费日期: "2024-04-25",
      办结日期: "2024-05-10",
      办理结果: "危及“三安全一稳定”",
    });
  });

  it("writes every outcome as the 2021 table's leaf label", () => {
    for (const [outcome, label] of Object.entries(OUTCOME_LABELS)) {
      const row = toLedgerRow(application({ closedOn: date("2024-04-01"), outcome: outcome as keyof typeof OUTCOME_LABELS }));
      expect(row.办理结果).toBe(label);
    }
  });

  it("takes the first reconsideration and the first lawsuit by filing date", () => {
    const row = toLedgerRow(
      application({
        closedOn: date("2024-04-01"),
        outcome: "GRANTED",
        proceedings: [
          proceeding({ kind: "LITIGATION", filedOn: date("2024-09-01"), route: "AFTER_RECONSIDERATION", result: "CORRECTED", decidedOn: date("2024-12-20") }),
          proceeding({ kind: "RECONSIDERATION", filedOn: date("2024-06-01"), result: "OTHER", decidedOn: date("2024-07-15") }),
          proceeding({ kind: "RECONSIDERATION", filedOn: date("2024-05-01"), result: "UPHELD", decidedOn: date("2024-06-30") }),
          proceeding({ kind: "LITIGATION", filedOn: date("2024-10-01"), route: "DIRECT" }),
        ],
      }),
    );
    expect(row).toMatchObject({
      复议申请日期: "2024-05-01",
      复议结果: "结果维持",
      复议结果日期: "2024-06-30",
      起诉日期: "2024-09-01",
      诉讼类型: "复议后起诉",
      诉讼结果: "结果纠正",
      诉讼结果日期: "2024-12-20",
    });
  });

  it("leaves the result empty while a proceeding is undecided, and derives a missing route", () => {
    const row = toLedgerRow(
      application({
        proceedings: [
          proceeding({ kind: "RECONSIDERATION", filedOn: date("2024-05-01") }),
          proceeding({ kind: "LITIGATION", filedOn: date("2024-07-01"), reconsiderationId: "r1" }),
        ],
      }),
    );
    expect(row).toMatchObject({ 复议申请日期: "2024-05-01", 复议结果: null, 复议结果日期: null, 诉讼类型: "复议后起诉", 诉讼结果: null });
    const direct = toLedgerRow(application({ proceedings: [proceeding({ kind: "LITIGATION", filedOn: date("2024-07-01") })] }));
    expect(direct.诉讼类型).toBe("未经复议直接起诉");
  });

  it("leaves out proceedings in which the organization is only co-defendant as 复议机关", () => {
    const row = toLedgerRow(
      application({
        proceedings: [
          proceeding({ kind: "LITIGATION", filedOn: date("2024-06-01"), route: "DIRECT", onlyCoDefendantAsReviewOrgan: true }),
          proceeding({ kind: "RECONSIDERATION", filedOn: date("2024-05-01"), onlyCoDefendantAsReviewOrgan: true }),
        ],
      }),
    );
    expect(row).toMatchObject({ 复议申请日期: null, 起诉日期: null, 诉讼类型: null });
  });
});
