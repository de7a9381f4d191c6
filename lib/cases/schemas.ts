// Input shapes of the case log (registration and events), validated at every boundary.
import { EXTENSION_REASON_MAX, REQUEST_CONTENT_MAX } from "./limits";
import type { CaseEventType } from "@prisma/client";
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import { OUTCOMES } from "./labels";

/** An optional text field: blank is absent. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const applicantTypeSchema = z.enum(
  ["NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG"],
  { message: "请选择申请人类型" },
);
export const channelSchema = z.enum(["IN_PERSON", "POST", "ORDINARY_MAIL", "ONLINE", "FAX", "EMAIL", "ORAL", "OTHER"], {
  message: "请选择申请方式",
});
export const outcomeSchema = z.enum(OUTCOMES as [string, ...string[]], { message: "请选择处理结果" }).transform(
  (value) => value as (typeof OUTCOMES)[number],
);

/** A bare number (letters, digits, hyphens): upper-cased, so that 18-digit ID numbers ending in x match. */
const BARE_ID_NUMBER = /^[0-9A-Za-z-]{5,30}$/;

/**
 * 证件号码: free text (interfaces.md §2), e.g. an 18-digit 身份证号, a 统一社会信用代码, or "身份证
 * 110101…" / "护照 E1234567" as ledgers write it. A bare number is upper-cased; anything else is kept as
 * written. lib/cases/id-number.ts checks an 18-digit ID number's check digit for a warning, never a refusal.
 */
const idNumberSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .max(100, "证件号码最多 100 个字")
    .transform((value) => (BARE_ID_NUMBER.test(value) ? value.toUpperCase() : value))
    .optional(),
);

export const registerApplicationSchema = z.object({
  applicantType: applicantTypeSchema,
  applicantName: z.string().trim().min(1, "请填写申请人姓名或名称").max(100, "申请人姓名或名称最多 100 个字"),
  applicantIdNumber: idNumberSchema,
  applicantContact: optionalText(500, "联系方式"),
  applicantAddress: optionalText(200, "通信地址"),
  agentName: optionalText(100, "代理人姓名"),
  agentContact: optionalText(100, "代理人联系方式"),
  channel: channelSchema,
  receivedOn: isoDateSchema,
  requestContent: z.string().trim().min(1, "请填写申请公开的政府信息内容").max(REQUEST_CONTENT_MAX, `申请内容最多 ${REQUEST_CONTENT_MAX} 个字`),
  deliveryForm: optionalText(50, "获取信息的方式"),
  deliveryMethod: optionalText(50, "获取信息的途径"),
  handlerId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value) => (value ? value : undefined)),
});

/** Correcting a registration: the same fields (条例 Art. 29), the handler aside (reassignment has its own form). */
export const editRegistrationSchema = registerApplicationSchema.omit({ handlerId: true });
export type EditRegistrationInput = z.infer<typeof editRegistrationSchema>;

const money = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "金额应为元，最多两位小数")
  .transform((value) => Number(value).toFixed(2));

const decisionItemSchema = z.object({
  description: z.string().trim().min(1, "请填写该项申请内容").max(500, "每项内容最多 500 个字"),
  disposition: outcomeSchema,
  leading: z.boolean().optional(),
});

/** One event as entered on the case page (details nested by type). */
export const caseEventInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("CORRECTION_REQUESTED"),
    occurredOn: isoDateSchema,
    details: z.object({
      // null: not recorded (an imported ledger); a step entered in the app must give it (lib/cases/mutations.ts).
      deadlineOn: isoDateSchema.nullable(),
      matters: z.string().trim().min(2, "请写明需要补正的事项").max(1000),
      lateReason: optionalText(500, "逾期告知的理由"),
    }),
  }),
  z.object({ type: z.literal("CORRECTION_RECEIVED"), occurredOn: isoDateSchema, details: z.object({}).strict().default({}) }),
  z.object({
    type: z.literal("CONSULTATION_SENT"),
    occurredOn: isoDateSchema,
    details: z.object({
      party: z.enum(["THIRD_PARTY", "AGENCY"], { message: "请选择征求意见对象" }),
      partyName: z.string().trim().min(1, "请填写征求意见对象名称").max(100),
      key: optionalText(40, "征求意见编号"),
      partyReceivedOn: isoDateSchema.optional().or(z.literal("").transform(() => undefined)),
    }),
  }),
  z.object({
    type: z.literal("CONSULTATION_ANSWERED"),
    occurredOn: isoDateSchema,
    details: z.object({
      windowExpired: z.boolean().default(false),
      summary: optionalText(500, "答复摘要"),
      consultationKey: optionalText(40, "征求意见编号"),
    }),
  }),
  z.object({
    type: z.literal("EXTENSION"),
    occurredOn: isoDateSchema,
    details: z.object({
      workdays: z.coerce.number().int("延长的工作日数应为整数").min(1, "延长的工作日数为 1–20").max(20, "延长的期限最长不得超过 20 个工作日"),
      approvedBy: z.string().trim().min(1, "请填写批准延期的负责人").max(50),
      approvedOn: isoDateSchema,
      reason: z.string().trim().min(2, "请填写延期理由").max(EXTENSION_REASON_MAX),
    }),
  }),
  z.object({
    type: z.literal("FEE_NOTICE"),
    occurredOn: isoDateSchema,
    details: z
      .object({
        method: z.enum(["PER_APPLICATION", "PER_VOLUME"], { message: "请选择计收方式" }).optional(),
        amount: money.optional(),
        calculatedAmount: money.optional(),
        adjustmentReason: optionalText(200, "调整理由"),
        applicantReceivedOn: isoDateSchema,
        // Only a notice imported from a ledger that left 收费方式 or 收费金额 empty (interfaces.md §2).
        unrecorded: z.array(z.enum(["method", "amount"])).max(2).optional(),
      })
      .superRefine((fee, context) => {
        const unrecorded = new Set(fee.unrecorded ?? []);
        if (!fee.method && !unrecorded.has("method")) context.addIssue({ code: "custom", path: ["method"], message: "请选择计收方式" });
        if (!unrecorded.has("amount")) {
          if (!fee.amount) context.addIssue({ code: "custom", path: ["amount"], message: "请填写收费金额" });
          if (!fee.calculatedAmount) context.addIssue({ code: "custom", path: ["calculatedAmount"], message: "请填写计算结果" });
        }
        if (fee.amount !== fee.calculatedAmount && !fee.adjustmentReason) {
          context.addIssue({ code: "custom", path: ["adjustmentReason"], message: "收费金额与计算结果不同，请填写调整理由" });
        }
      }),
  }),
  // The amount is absent only for a payment of an imported notice whose amount the ledger did not record.
  z.object({ type: z.literal("FEE_PAID"), occurredOn: isoDateSchema, details: z.object({ amount: money.optional() }) }),
  z.object({
    type: z.literal("DECISION_SERVED"),
    occurredOn: isoDateSchema,
    details: z.object({
      items: z.array(decisionItemSchema).min(1, "请至少填写一项处理结果").max(50),
      serviceMethod: z.string().trim().min(1, "请填写送达方式").max(50),
    }),
  }),
  z.object({ type: z.literal("WITHDRAWN"), occurredOn: isoDateSchema, details: z.object({ reason: optionalText(500, "撤回理由") }) }),
]);

/** Every kind of event has its schema here: a kind added to CaseEventType without one fails to compile. */
const everyEventKindHasASchema: Exclude<CaseEventType, z.infer<typeof caseEventInputSchema>["type"]> extends never ? true : never = true;
void everyEventKindHasASchema;

export const correctionReasonSchema = z.string().trim().min(2, "请填写更正理由").max(500, "更正理由最多 500 个字");

/** Why a case is voided (误登记、重复登记…) or restored. */
export const voidReasonSchema = z.string().trim().min(2, "请填写理由").max(500, "理由最多 500 个字");

export const assignHandlerSchema = z.object({
  applicationId: z.string().min(1).max(40),
  handlerId: z
    .string()
    .max(40)
    .transform((value) => (value ? value : null)),
});
