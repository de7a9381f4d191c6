// The standard letters (文书) a bureau sends on a case: their kinds, titles, default number patterns and
// the placeholders a template may use, with what each stands for. Pure.
import type { LetterKind, Outcome } from "@prisma/client";
import { OUTCOMES, OUTCOME_GROUPS, OUTCOME_LABELS } from "../cases/labels";

export const LETTER_KINDS = [
  "RECEIPT",
  "CORRECTION_NOTICE",
  "EXTENSION_NOTICE",
  "THIRD_PARTY_CONSULTATION",
  "AGENCY_CONSULTATION",
  "FEE_NOTICE",
  "DECISION",
] as const satisfies readonly LetterKind[];

/** What the list of letters and the settings call each kind. */
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  RECEIPT: "登记回执",
  CORRECTION_NOTICE: "补正告知书",
  EXTENSION_NOTICE: "延期答复告知书",
  THIRD_PARTY_CONSULTATION: "征求意见书（第三方）",
  AGENCY_CONSULTATION: "征求意见书（其他机关）",
  FEE_NOTICE: "收费通知书",
  DECISION: "答复书",
};

/** The title printed on the letter (a template may change it). */
export const LETTER_TITLES: Record<LetterKind, string> = {
  RECEIPT: "政府信息公开申请登记回执",
  CORRECTION_NOTICE: "政府信息公开申请补正告知书",
  EXTENSION_NOTICE: "政府信息公开申请延期答复告知书",
  THIRD_PARTY_CONSULTATION: "政府信息公开征求第三方意见书",
  AGENCY_CONSULTATION: "政府信息公开征求意见函",
  FEE_NOTICE: "政府信息公开信息处理费收费通知书",
  DECISION: "政府信息公开申请答复书",
};

/** Each kind is numbered on its own, per organization and year: 公补〔2026〕第3号. */
export const DEFAULT_NUMBER_PATTERNS: Record<LetterKind, string> = {
  RECEIPT: "公受〔{年}〕第{序号}号",
  CORRECTION_NOTICE: "公补〔{年}〕第{序号}号",
  EXTENSION_NOTICE: "公延〔{年}〕第{序号}号",
  THIRD_PARTY_CONSULTATION: "公征〔{年}〕第{序号}号",
  AGENCY_CONSULTATION: "公协〔{年}〕第{序号}号",
  FEE_NOTICE: "公费〔{年}〕第{序号}号",
  DECISION: "公复〔{年}〕第{序号}号",
};

/** The step of the case log that issuing a letter of the kind records, where there is one. */
export const LETTER_STEPS: Partial<Record<LetterKind, string>> = {
  CORRECTION_NOTICE: "补正告知",
  EXTENSION_NOTICE: "延期答复",
  THIRD_PARTY_CONSULTATION: "征求意见",
  AGENCY_CONSULTATION: "征求意见",
  FEE_NOTICE: "收费通知（填写申请人收到通知的日期时）",
};

/** A template is one per kind; the 答复书 has one per outcome leaf of table 三. */
export const DEFAULT_VARIANT = "default";

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as string[]).includes(value);
}

export function letterVariants(kind: LetterKind): string[] {
  return kind === "DECISION" ? [...OUTCOMES] : [DEFAULT_VARIANT];
}

export function isLetterVariant(kind: LetterKind, variant: string): boolean {
  return letterVariants(kind).includes(variant);
}

/** "答复书 · （三）不予公开 · 属于国家秘密", "补正告知书". */
export function letterTemplateLabel(kind: LetterKind, variant: string): string {
  if (kind === "DECISION" && isOutcome(variant)) {
    const group = OUTCOME_GROUPS[variant];
    const label = OUTCOME_LABELS[variant];
    return group.endsWith(label) ? `${LETTER_KIND_LABELS[kind]} · ${group}` : `${LETTER_KIND_LABELS[kind]} · ${group} · ${label}`;
  }
  return LETTER_KIND_LABELS[kind];
}

export interface LetterPlaceholder {
  name: string;
  description: string;
  /** The value in the template editor's preview. */
  sample: string;
}

/** Every placeholder of a letter's text, in the order the editor lists them. */
export const LETTER_PLACEHOLDERS: readonly LetterPlaceholder[] = [
  { name: "机关全称", description: "文书设置：机关全称", sample: "示例市司法局" },
  { name: "机关地址", description: "文书设置：通信地址", sample: "示例市人民路1号" },
  { name: "邮政编码", description: "文书设置：邮政编码", sample: "100000" },
  { name: "机关电话", description: "文书设置：联系电话", sample: "010-12345678" },
  { name: "复议机关", description: "文书设置：行政复议机关", sample: "示例市人民政府" },
  { name: "人民法院", description: "文书设置：管辖的人民法院", sample: "示例市中级人民法院" },
  { name: "文号", description: "本文书的编号（出具时生成）", sample: "公复〔2026〕第12号" },
  { name: "文书日期", description: "本文书的日期", sample: "2026年3月20日" },
  { name: "案件编号", description: "案件（登记）编号", sample: "GK-2026-000123" },
  { name: "申请人", description: "申请人姓名或名称", sample: "张三" },
  { name: "代理人", description: "委托代理人（无则为空）", sample: "" },
  { name: "申请人地址", description: "申请人通信地址", sample: "示例市和平路2号" },
  { name: "申请人联系方式", description: "申请人联系方式", sample: "13800000000" },
  { name: "收到申请日期", description: "收到申请之日（条例第三十一条）", sample: "2026年3月2日" },
  { name: "申请方式", description: "当面、邮寄、网络……", sample: "当面" },
  { name: "申请内容", description: "申请公开的政府信息", sample: "2025年度律师事务所年度考核结果" },
  { name: "答复期限", description: "当前的答复期限", sample: "2026年3月30日" },
  { name: "收件人", description: "致送对象：申请人，征求意见时为被征求意见方", sample: "张三" },
  { name: "补正事项", description: "补正告知书：需要补正的事项", sample: "请明确所需考核结果的律师事务所名称" },
  { name: "补正期限", description: "补正告知书：补正的期限", sample: "2026年3月18日" },
  { name: "补正告知日期", description: "已发出的补正告知的日期", sample: "2026年3月4日" },
  { name: "延长工作日数", description: "延期答复告知书：延长的工作日数", sample: "20" },
  { name: "延期理由", description: "延期答复告知书：延期的理由", sample: "需要调取档案" },
  { name: "延期后答复期限", description: "延期答复告知书：延长后的答复期限", sample: "2026年4月28日" },
  { name: "征求意见对象", description: "征求意见书：第三方或其他机关的名称", sample: "某某有限公司" },
  { name: "计收方式", description: "收费通知书：按件或按量", sample: "按件计收" },
  { name: "收费标准", description: "收费通知书：所适用的收费标准", sample: "同一申请人一个自然月内累计申请11—30件的部分每件100元" },
  { name: "收费金额", description: "收费通知书：金额（元）", sample: "100.00" },
  { name: "缴费方式", description: "收费通知书：缴纳方式", sample: "通过非税收入缴款码缴纳" },
  { name: "收费通知日期", description: "已发出的收费通知的日期", sample: "2026年3月10日" },
  { name: "办理结果", description: "答复书：办理结果（表三的类别）", sample: "予以公开" },
  { name: "处理说明", description: "答复书：经办人填写的具体说明（提供方式、不予公开的内容和理由等）", sample: "现将该信息以电子邮件方式发送给您。" },
  { name: "救济途径", description: "行政复议、行政诉讼的告知（按办理结果，含复议机关和法院名称）", sample: "如对本答复不服，可以自收到本答复书之日起六十日内向示例市人民政府申请行政复议，或者自收到本答复书之日起六个月内向示例市中级人民法院提起行政诉讼。" },
];

export const LETTER_PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(LETTER_PLACEHOLDERS.map((placeholder) => placeholder.name));

export const SAMPLE_LETTER_VALUES: Readonly<Record<string, string>> = Object.fromEntries(
  LETTER_PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder.sample]),
);

/** The tags of the Word layout a letter's text goes into (lib/letters/layout.ts). */
export const LAYOUT_TAGS = ["机关全称", "标题", "文号", "收件人", "段落", "文字", "文书日期", "机关地址", "邮政编码", "机关电话", "案件编号"] as const;
