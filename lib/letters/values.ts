// What a letter's placeholders stand for on one case: the letterhead, the case, the facts the clerk
// entered for this letter, and the sentences that follow from them (fee standard, remedies). Pure.
import type { Channel, FeeMethod, Outcome } from "@prisma/client";
import { addWorkdays, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import { chineseDate } from "../calendar/dates";
import { CHANNEL_LABELS, OUTCOME_LABELS } from "../cases/labels";
import type { CaseEventDetailsByType } from "../cases/case-events";
import type { LetterInputs } from "./schemas";
import { remediesSentence } from "./templates";

export interface LetterCase {
  caseNumber: string;
  receivedOn: IsoDate;
  channel: Channel;
  applicantName: string;
  applicantAddress: string | null;
  applicantContact: string | null;
  agentName: string | null;
  requestContent: string;
  dueOn: IsoDate | null;
  outcome: Outcome | null;
  correctionRequestedOn: IsoDate | null;
  correctionDeadlineOn: IsoDate | null;
  feeNoticeOn: IsoDate | null;
  /** The extension already recorded (approved in the system, docs/decisions/0075): its due date is already extended. */
  extensionNotifiedOn?: IsoDate | null;
}

export interface Letterhead {
  fullName: string;
  address: string;
  postalCode: string | null;
  telephone: string;
  reviewOrgan: string;
  court: string;
}

/** In a draft the number is not yet allocated: the text keeps {文号}, replaced when the letter is issued. */
export const NUMBER_PLACEHOLDER = "{文号}";

const FEE_STANDARDS: Record<FeeMethod, { method: string; standard: string }> = {
  PER_APPLICATION: {
    method: "按件计收",
    standard:
      "同一申请人一个自然月内累计申请10件以下（含10件）的不收费；11—30件（含30件）的部分每件100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件",
  },
  PER_VOLUME: {
    method: "按量计收",
    standard: "同一申请件30页以下（含30页）的不收费；31—100页（含100页）的部分每页10元；101—200页（含200页）的部分每页20元；201页以上的部分每页40元",
  },
};

/** The extension recorded on the case: the step a manager approved (docs/decisions/0075), or one recorded earlier. */
export type RecordedExtension = CaseEventDetailsByType["EXTENSION"];

/**
 * A notice of an extension already recorded states what was recorded (its working days, approver,
 * approval date and reason), not what was typed into the letter's form.
 */
export function withRecordedExtension(inputs: LetterInputs, recorded: RecordedExtension | null): LetterInputs {
  if (inputs.kind !== "EXTENSION_NOTICE" || !recorded) return inputs;
  return { ...inputs, workdays: recorded.workdays, approvedBy: recorded.approvedBy, approvedOn: recorded.approvedOn, reason: recorded.reason };
}

/** The party a letter is addressed to. */
export function letterRecipient(letterCase: LetterCase, inputs: LetterInputs): string {
  return inputs.kind === "THIRD_PARTY_CONSULTATION" || inputs.kind === "AGENCY_CONSULTATION" ? inputs.partyName : letterCase.applicantName;
}

/**
 * The request as the letters quote it ("申请获取的政府信息为：“{申请内容}”。"): without its own closing
 * full stop, semicolon or comma, which would double the sentence's ("……文件。”。").
 */
export function quotedRequestContent(requestContent: string): string {
  return requestContent.trim().replace(/[。．.；;，,、\s]+$/u, "");
}

export function letterValues({
  letterCase,
  letterhead,
  inputs,
  issuedOn,
  calendar,
}: {
  letterCase: LetterCase;
  letterhead: Letterhead;
  inputs: LetterInputs;
  issuedOn: IsoDate;
  calendar: WorkCalendar;
}): Record<string, string> {
  const values: Record<string, string> = {
    机关全称: letterhead.fullName,
    机关地址: letterhead.address,
    邮政编码: letterhead.postalCode ?? "",
    机关电话: letterhead.telephone,
    复议机关: letterhead.reviewOrgan,
    人民法院: letterhead.court,
    文号: NUMBER_PLACEHOLDER,
    文书日期: chineseDate(issuedOn),
    案件编号: letterCase.caseNumber,
    申请人: letterCase.applicantName,
    代理人: letterCase.agentName ?? "",
    申请人地址: letterCase.applicantAddress ?? "",
    申请人联系方式: letterCase.applicantContact ?? "",
    收到申请日期: chineseDate(letterCase.receivedOn),
    申请方式: CHANNEL_LABELS[letterCase.channel],
    申请内容: quotedRequestContent(letterCase.requestContent),
    答复期限: chineseDate(letterCase.dueOn),
    收件人: letterRecipient(letterCase, inputs),
    补正告知日期: chineseDate(letterCase.correctionRequestedOn),
    补正期限: chineseDate(letterCase.correctionDeadlineOn),
    收费通知日期: chineseDate(letterCase.feeNoticeOn),
    办理结果: letterCase.outcome ? OUTCOME_LABELS[letterCase.outcome] : "",
  };
  switch (inputs.kind) {
    case "CORRECTION_NOTICE":
      values.补正事项 = inputs.matters;
      values.补正期限 = chineseDate(inputs.deadlineOn);
      break;
    case "EXTENSION_NOTICE":
      values.延长工作日数 = String(inputs.workdays);
      values.延期理由 = inputs.reason;
      values.延期后答复期限 = !letterCase.dueOn
        ? ""
        : letterCase.extensionNotifiedOn
          ? chineseDate(letterCase.dueOn)
          : chineseDate(addWorkdays(calendar, letterCase.dueOn, inputs.workdays));
      break;
    case "THIRD_PARTY_CONSULTATION":
    case "AGENCY_CONSULTATION":
      values.征求意见对象 = inputs.partyName;
      break;
    case "FEE_NOTICE":
      values.计收方式 = FEE_STANDARDS[inputs.method].method;
      values.收费标准 = FEE_STANDARDS[inputs.method].standard;
      values.收费金额 = inputs.amount;
      values.缴费方式 = inputs.paymentMethod;
      values.救济途径 = remediesSentence({ outcome: null, reviewOrgan: letterhead.reviewOrgan, court: letterhead.court });
      break;
    case "DECISION":
      values.办理结果 = OUTCOME_LABELS[inputs.outcome];
      values.处理说明 = inputs.explanation ?? "";
      values.救济途径 = remediesSentence({ outcome: inputs.outcome, reviewOrgan: letterhead.reviewOrgan, court: letterhead.court });
      break;
    case "RECEIPT":
      break;
  }
  return values;
}

/** The template variant a letter uses: the outcome for a 答复书. */
export function letterVariant(inputs: LetterInputs): string {
  return inputs.kind === "DECISION" ? inputs.outcome : "default";
}

/** A file name from the number and the title, without the characters file systems refuse. */
export function letterFileName(number: string, title: string): string {
  return `${number} ${title}.docx`.replace(/[\\/:*?"<>|]/g, "_");
}

/** The text's paragraphs: one per line, blank lines dropped. */
export function letterParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
