// Input shapes of the letters domain: the letterhead settings, a template version, and a letter's
// draft and issue, with the facts each kind asks for (which become the case step it records).
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import { checkCaseNumberPattern } from "../cases/case-number";
import { outcomeSchema } from "../cases/schemas";
import { DEFAULT_NUMBER_PATTERNS, LETTER_KINDS } from "./definitions";

const requiredText = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const letterKindSchema = z.enum(LETTER_KINDS, { error: "请选择文书种类" });

const numberPatternSchema = z
  .string()
  .trim()
  .superRefine((pattern, context) => {
    const problem = checkCaseNumberPattern(pattern);
    if (problem) context.addIssue({ code: "custom", message: problem.replace("编号规则", "文号规则") });
  });

export const letterSettingsSchema = z.object({
  fullName: requiredText("机关全称", 80),
  address: requiredText("通信地址", 200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, "邮政编码为 6 位数字")
    .optional()
    .transform((value) => (value ? value : undefined)),
  telephone: requiredText("联系电话", 50),
  reviewOrgan: requiredText("行政复议机关", 80),
  court: requiredText("人民法院", 80),
  numberPatterns: z.object(
    Object.fromEntries(LETTER_KINDS.map((kind) => [kind, numberPatternSchema.default(DEFAULT_NUMBER_PATTERNS[kind])])) as Record<
      (typeof LETTER_KINDS)[number],
      z.ZodDefault<typeof numberPatternSchema>
    >,
  ),
  /** The version the form was loaded with (0: none saved yet). */
  version: z.coerce.number().int().min(0),
});

export const letterTemplateSchema = z.object({
  kind: letterKindSchema,
  variant: z.string().trim().min(1).max(60),
  /** The version the editor was loaded with (0: the built-in text). */
  expectedVersion: z.coerce.number().int().min(0),
  title: requiredText("标题", 60),
  body: requiredText("正文", 10_000),
  reason: optionalText("修改说明", 200),
  /** The layout: keep the current one, go back to the standard one, or (with a file) replace it. */
  layout: z.enum(["keep", "standard", "upload"]).default("keep"),
});

const money = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "金额应为元，最多两位小数")
  .transform((value) => Number(value).toFixed(2));

/** The facts a letter of each kind needs besides the case. */
export const letterInputsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("RECEIPT") }),
  z.object({
    kind: z.literal("CORRECTION_NOTICE"),
    matters: z.string().trim().min(2, "请写明需要补正的事项").max(1000, "补正事项最多 1000 个字"),
    deadlineOn: isoDateSchema,
    /** Required by the clock when the notice goes out after the 7-working-day limit (rules.md §4). */
    lateReason: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.string().trim().max(500, "逾期告知的理由最多 500 个字").optional()),
  }),
  z.object({
    kind: z.literal("EXTENSION_NOTICE"),
    workdays: z.coerce.number().int("延长的工作日数应为整数").min(1, "延长的工作日数为 1–20").max(20, "延长的期限最长不得超过 20 个工作日"),
    approvedBy: requiredText("批准延期的负责人", 50),
    approvedOn: isoDateSchema,
    reason: z.string().trim().min(2, "请填写延期理由").max(500),
  }),
  z.object({ kind: z.literal("THIRD_PARTY_CONSULTATION"), partyName: requiredText("第三方名称", 100) }),
  z.object({ kind: z.literal("AGENCY_CONSULTATION"), partyName: requiredText("被征求意见机关的名称", 100) }),
  z.object({
    kind: z.literal("FEE_NOTICE"),
    method: z.enum(["PER_APPLICATION", "PER_VOLUME"], { error: "请选择计收方式" }),
    pages: z.coerce.number().int("页数应为整数").min(0).max(1_000_000).optional(),
    amount: money,
    adjustmentReason: optionalText("调整理由", 200),
    paymentMethod: requiredText("缴纳方式", 200),
    /** When the applicant received the notice (handed over in person): the fee step is recorded too. */
    applicantReceivedOn: isoDateSchema.optional(),
  }),
  z.object({ kind: z.literal("DECISION"), outcome: outcomeSchema, explanation: optionalText("处理说明", 3000) }),
]);
export type LetterInputs = z.infer<typeof letterInputsSchema>;

export const letterDraftSchema = z.object({
  applicationId: z.string().min(1).max(40),
  issuedOn: isoDateSchema,
  inputs: letterInputsSchema,
});

export const issueLetterSchema = letterDraftSchema.extend({
  /** The text as the clerk reviewed and edited it. */
  body: z.string().trim().min(10, "文书正文过短").max(20_000, "文书正文最多 20000 字"),
  /** The case's version as the form was loaded: issuing may record a step (docs/decisions/0010). */
  caseVersion: z.number().int().nonnegative().nullable().default(null),
});
