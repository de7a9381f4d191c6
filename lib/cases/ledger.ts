// The ledger file (依申请公开台账, interfaces.md §1): one row per case with the columns bureaus keep in
// their spreadsheets. Export shapes rows here; the import reads the same columns. Pure.
import type { ApplicantType, Channel, FeeMethod, LitigationRoute, Outcome, ProceedingKind, ProceedingResult } from "@prisma/client";
import type { IsoDate } from "../calendar/workdays";
import { APPLICANT_TYPE_LABELS, FEE_METHOD_LABELS, LITIGATION_ROUTE_LABELS, OUTCOME_LABELS, PROCEEDING_RESULT_LABELS } from "./labels";

/** The columns in the order the export writes them (the import accepts any order). */
export const LEDGER_COLUMNS = [
  "申请编号",
  "收到申请日期",
  "申请方式",
  "申请人类型",
  "申请人",
  "证件号码",
  "联系方式",
  "申请内容",
  "补正告知日期",
  "补正收到日期",
  "征求意见日期",
  "征求意见答复日期",
  "延期告知日期",
  "延期工作日数",
  "收费方式",
  "收费通知日期",
  "收费金额",
  "缴费日期",
  "办结日期",
  "办理结果",
  "复议申请日期",
  "复议结果",
  "复议结果日期",
  "起诉日期",
  "诉讼类型",
  "诉讼结果",
  "诉讼结果日期",
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export const LEDGER_DATE_COLUMNS = [
  "收到申请日期",
  "补正告知日期",
  "补正收到日期",
  "征求意见日期",
  "征求意见答复日期",
  "延期告知日期",
  "收费通知日期",
  "缴费日期",
  "办结日期",
  "复议申请日期",
  "复议结果日期",
  "起诉日期",
  "诉讼结果日期",
] as const satisfies readonly LedgerColumn[];

/** Yuan with two decimals, as text ("450.50"). */
export const LEDGER_AMOUNT_COLUMNS = ["收费金额"] as const satisfies readonly LedgerColumn[];
export const LEDGER_NUMBER_COLUMNS = ["延期工作日数"] as const satisfies readonly LedgerColumn[];

type LedgerNumberColumn = (typeof LEDGER_NUMBER_COLUMNS)[number];

/** One case as a ledger row: text cells (dates as YYYY-MM-DD), 延期工作日数 a number; null is an empty cell. */
export type LedgerRow = { [Column in LedgerColumn]: Column extends LedgerNumberColumn ? number | null : string | null };

/**
 * 申请方式 as the ledger spells it. The file has one 邮寄 for both kinds of mail: 平信 (no signature)
 * is written as 邮寄, the distinction matters only for which date is the receipt date, already fixed.
 */
export const LEDGER_CHANNEL_LABELS: Record<Channel, string> = {
  IN_PERSON: "当面",
  POST: "邮寄",
  ORDINARY_MAIL: "邮寄",
  ONLINE: "网络",
  FAX: "传真",
  EMAIL: "电子邮件",
  ORAL: "口头",
  OTHER: "其他",
};

export interface LedgerProceeding {
  kind: ProceedingKind;
  route: LitigationRoute | null;
  reconsiderationId: string | null;
  onlyCoDefendantAsReviewOrgan: boolean;
  filedOn: Date;
  result: ProceedingResult | null;
  decidedOn: Date | null;
}

/** What the ledger needs of a case (DATE columns as Prisma reads them: midnight UTC of the date). */
export interface LedgerApplication {
  caseNumber: string;
  receivedOn: Date;
  channel: Channel;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantContact: string | null;
  requestContent: string;
  correctionRequestedOn: Date | null;
  correctionReceivedOn: Date | null;
  consultationSentOn: Date | null;
  consultationAnsweredOn: Date | null;
  extensionNotifiedOn: Date | null;
  extensionWorkdays: number | null;
  feeMethod: FeeMethod | null;
  feeNoticeOn: Date | null;
  /** Prisma's Decimal (anything with toFixed). */
  feeAmount: { toFixed(digits: number): string } | null;
  feePaidOn: Date | null;
  closedOn: Date | null;
  outcome: Outcome | null;
  proceedings: readonly LedgerProceeding[];
}

function ledgerDate(date: Date | null): IsoDate | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function emptyToNull(text: string | null): string | null {
  return text === null || text.trim() === "" ? null : text;
}

/**
 * The first proceeding of a kind, by filing date (ties keep the given order). Proceedings in which the
 * organization is only co-defendant as 复议机关 are left out: table 四 does not count them (rules.md
 * §3), and the file has no column to mark them, so a re-import would count them.
 */
function firstProceeding(proceedings: readonly LedgerProceeding[], kind: ProceedingKind): LedgerProceeding | undefined {
  return proceedings
    .filter((proceeding) => proceeding.kind === kind && !proceeding.onlyCoDefendantAsReviewOrgan)
    .toSorted((a, b) => a.filedOn.getTime() - b.filedOn.getTime())[0];
}

function litigationRoute(litigation: LedgerProceeding): LitigationRoute {
  return litigation.route ?? (litigation.reconsiderationId ? "AFTER_RECONSIDERATION" : "DIRECT");
}

export function toLedgerRow(application: LedgerApplication): LedgerRow {
  const reconsideration = firstProceeding(application.proceedings, "RECONSIDERATION");
  const litigation = firstProceeding(application.proceedings, "LITIGATION");
  return {
    申请编号: application.caseNumber,
    收到申请日期: ledgerDate(application.receivedOn),
    申请方式: LEDGER_CHANNEL_LABELS[application.channel],
    申请人类型: APPLICANT_TYPE_LABELS[application.applicantType],
    申请人: application.applicantName,
    证件号码: emptyToNull(application.applicantIdNumber),
    联系方式: emptyToNull(application.applicantContact),
    申请内容: application.requestContent,
    补正告知日期: ledgerDate(application.correctionRequestedOn),
    补正收到日期: ledgerDate(application.correctionReceivedOn),
    征求意见日期: ledgerDate(application.consultationSentOn),
    征求意见答复日期: ledgerDate(application.consultationAnsweredOn),
    延期告知日期: ledgerDate(application.extensionNotifiedOn),
    延期工作日数: application.extensionNotifiedOn ? application.extensionWorkdays : null,
    收费方式: application.feeMethod ? FEE_METHOD_LABELS[application.feeMethod] : null,
    收费通知日期: ledgerDate(application.feeNoticeOn),
    收费金额: application.feeAmount ? application.feeAmount.toFixed(2) : null,
    缴费日期: ledgerDate(application.feePaidOn),
    办结日期: ledgerDate(application.closedOn),
    办理结果: application.closedOn && application.outcome ? OUTCOME_LABELS[application.outcome] : null,
    复议申请日期: reconsideration ? ledgerDate(reconsideration.filedOn) : null,
    复议结果: reconsideration?.result ? PROCEEDING_RESULT_LABELS[reconsideration.result] : null,
    复议结果日期: reconsideration?.result ? ledgerDate(reconsideration.decidedOn) : null,
    起诉日期: litigation ? ledgerDate(litigation.filedOn) : null,
    诉讼类型: litigation ? LITIGATION_ROUTE_LABELS[litigationRoute(litigation)] : null,
    诉讼结果: litigation?.result ? PROCEEDING_RESULT_LABELS[litigation.result] : null,
    诉讼结果日期: litigation?.result ? ledgerDate(litigation.decidedOn) : null,
  };
}

/** A cell as text, for CSV and for comparisons: empty for null. */
export function ledgerCellText(value: string | number | null): string {
  return value === null ? "" : String(value);
}
