// Chinese labels of the case enums, in report order. One place for every page, export and report.
import type { ApplicantType, CaseEventType, Channel, ClockPhase, FeeMethod, LitigationRoute, Outcome, ProceedingKind, ProceedingResult } from "@prisma/client";

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  NATURAL_PERSON: "自然人",
  COMMERCIAL_ENTERPRISE: "商业企业",
  RESEARCH_INSTITUTION: "科研机构",
  SOCIAL_WELFARE_ORG: "社会公益组织",
  LEGAL_SERVICE_ORG: "法律服务机构",
  OTHER_ORG: "其他",
};

/** rules.md §1: how to pick the column. Shown on the registration form. */
export const APPLICANT_TYPE_HINTS: Record<ApplicantType, string> = {
  NATURAL_PERSON: "公民个人；委托代理人代为申请的，按被代理人归类",
  COMMERCIAL_ENTERPRISE: "公司、企业；个体工商户也归入商业企业",
  RESEARCH_INSTITUTION: "高等院校、科研院所等科研机构",
  SOCIAL_WELFARE_ORG: "社会团体、基金会、民办非企业单位等公益组织",
  LEGAL_SERVICE_ORG: "律师事务所、基层法律服务所等以自身名义申请",
  OTHER_ORG: "党政机关、事业单位、村（居）委会及其他组织",
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  IN_PERSON: "当面",
  POST: "邮寄",
  ORDINARY_MAIL: "平信",
  ONLINE: "网络",
  FAX: "传真",
  EMAIL: "电子邮件",
  ORAL: "口头",
  OTHER: "其他",
};

/** 条例 Art. 31: which date is the legal receipt date for each channel. Shown on the registration form. */
export const CHANNEL_RECEIPT_RULES: Record<Channel, string> = {
  IN_PERSON: "当面提交的，以提交之日为收到申请之日",
  POST: "以邮寄方式提交的，以行政机关签收之日为收到申请之日",
  ORDINARY_MAIL: "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日",
  ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日",
  FAX: "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日",
  EMAIL: "通过电子邮件提交的，以双方确认之日为收到申请之日",
  ORAL: "口头提出、由工作机构代为填写的，以申请人确认填写内容之日为收到申请之日",
  OTHER: "以工作机构实际收到并确认申请之日为收到申请之日",
};

export const CLOCK_PHASE_LABELS: Record<ClockPhase, string> = {
  RUNNING: "办理中",
  AWAITING_CORRECTION: "等待补正",
  CONSULTING: "征求意见中",
  AWAITING_FEE: "等待缴费",
  CLOSED: "已办结",
};

/** The 21 leaves of table 三 (2021 format), in table order, with the labels the table prints. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  GRANTED: "予以公开",
  PARTIALLY_GRANTED: "部分公开",
  WITHHELD_STATE_SECRET: "属于国家秘密",
  WITHHELD_PROHIBITED_BY_LAW: "其他法律行政法规禁止公开",
  WITHHELD_SECURITY_STABILITY: "危及“三安全一稳定”",
  WITHHELD_THIRD_PARTY_RIGHTS: "保护第三方合法权益",
  WITHHELD_INTERNAL_AFFAIRS: "属于三类内部事务信息",
  WITHHELD_PROCESS_INFORMATION: "属于四类过程性信息",
  WITHHELD_ENFORCEMENT_FILE: "属于行政执法案卷",
  WITHHELD_ADMINISTRATIVE_QUERY: "属于行政查询事项",
  UNAVAILABLE_NOT_HELD: "本机关不掌握相关政府信息",
  UNAVAILABLE_NEEDS_CREATION: "没有现成信息需要另行制作",
  UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: "补正后申请内容仍不明确",
  NOT_PROCESSED_COMPLAINT: "信访举报投诉类申请",
  NOT_PROCESSED_REPEAT: "重复申请",
  NOT_PROCESSED_PUBLICATION: "要求提供公开出版物",
  NOT_PROCESSED_EXCESSIVE: "无正当理由大量反复申请",
  NOT_PROCESSED_CONFIRM_OR_REISSUE: "要求行政机关确认或重新出具已获取信息",
  OTHER_NO_CORRECTION: "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  OTHER_FEE_UNPAID: "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  OTHER_OTHER: "其他",
};

/** The group of table 三 each leaf sits in. */
export const OUTCOME_GROUPS: Record<Outcome, string> = {
  GRANTED: "（一）予以公开",
  PARTIALLY_GRANTED: "（二）部分公开",
  WITHHELD_STATE_SECRET: "（三）不予公开",
  WITHHELD_PROHIBITED_BY_LAW: "（三）不予公开",
  WITHHELD_SECURITY_STABILITY: "（三）不予公开",
  WITHHELD_THIRD_PARTY_RIGHTS: "（三）不予公开",
  WITHHELD_INTERNAL_AFFAIRS: "（三）不予公开",
  WITHHELD_PROCESS_INFORMATION: "（三）不予公开",
  WITHHELD_ENFORCEMENT_FILE: "（三）不予公开",
  WITHHELD_ADMINISTRATIVE_QUERY: "（三）不予公开",
  UNAVAILABLE_NOT_HELD: "（四）无法提供",
  UNAVAILABLE_NEEDS_CREATION: "（四）无法提供",
  UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: "（四）无法提供",
  NOT_PROCESSED_COMPLAINT: "（五）不予处理",
  NOT_PROCESSED_REPEAT: "（五）不予处理",
  NOT_PROCESSED_PUBLICATION: "（五）不予处理",
  NOT_PROCESSED_EXCESSIVE: "（五）不予处理",
  NOT_PROCESSED_CONFIRM_OR_REISSUE: "（五）不予处理",
  OTHER_NO_CORRECTION: "（六）其他处理",
  OTHER_FEE_UNPAID: "（六）其他处理",
  OTHER_OTHER: "（六）其他处理",
};

export const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[];

export const CASE_EVENT_LABELS: Record<CaseEventType, string> = {
  CORRECTION_REQUESTED: "补正告知",
  CORRECTION_RECEIVED: "收到补正",
  CONSULTATION_SENT: "征求意见",
  CONSULTATION_ANSWERED: "收到意见答复",
  EXTENSION: "延期答复",
  FEE_NOTICE: "收费通知",
  FEE_PAID: "缴纳费用",
  DECISION_SERVED: "答复送达（办结）",
  WITHDRAWN: "申请人撤回（办结）",
};

/** The case page's button for recording the step. */
export const CASE_EVENT_BUTTON_LABELS: Record<CaseEventType, string> = {
  CORRECTION_REQUESTED: "补正告知",
  CORRECTION_RECEIVED: "收到补正",
  CONSULTATION_SENT: "征求意见",
  CONSULTATION_ANSWERED: "收到意见答复",
  EXTENSION: "延期",
  FEE_NOTICE: "收费通知",
  FEE_PAID: "登记缴费",
  DECISION_SERVED: "答复办结",
  WITHDRAWN: "申请人撤回",
};

/** The label of the step's date on its form: which day the event counts from. */
export const CASE_EVENT_DATE_LABELS: Record<CaseEventType, string> = {
  CORRECTION_REQUESTED: "补正告知日期",
  CORRECTION_RECEIVED: "收到补正日期",
  CONSULTATION_SENT: "征求意见日期",
  CONSULTATION_ANSWERED: "收到答复日期（或征求期满日）",
  EXTENSION: "告知申请人延期的日期",
  FEE_NOTICE: "收费通知日期",
  FEE_PAID: "缴费日期",
  DECISION_SERVED: "送达日期（邮寄以交邮之日为准）",
  WITHDRAWN: "撤回日期",
};

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { PER_APPLICATION: "按件", PER_VOLUME: "按量" };

export const PROCEEDING_KIND_LABELS: Record<ProceedingKind, string> = { RECONSIDERATION: "行政复议", LITIGATION: "行政诉讼" };
export const LITIGATION_ROUTE_LABELS: Record<LitigationRoute, string> = {
  DIRECT: "未经复议直接起诉",
  AFTER_RECONSIDERATION: "复议后起诉",
};
export const PROCEEDING_RESULT_LABELS: Record<ProceedingResult, string> = {
  UPHELD: "结果维持",
  CORRECTED: "结果纠正",
  OTHER: "其他结果",
};
