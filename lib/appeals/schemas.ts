// Input shapes of 行政复议 and 行政诉讼 (rules.md §3), validated at every boundary.
import type { ProceedingDisposition } from "@prisma/client";
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import { optionalText } from "../cases/schemas";

const PROCEEDING_DISPOSITIONS = [
  "UPHOLD",
  "DISMISS_RECONSIDERATION_CLAIMS",
  "DISMISS_LITIGATION_CLAIMS",
  "REVOKE",
  "VARY",
  "CONFIRM_ILLEGAL",
  "ORDER_PERFORMANCE",
  "ORDER_NEW_REPLY",
  "TERMINATE",
  "WITHDRAW",
  "REJECT_RECONSIDERATION_APPLICATION",
  "REJECT_SUIT",
  "MEDIATION",
  "SETTLEMENT",
  "AFFIRM_ON_APPEAL",
  "REMAND",
] as const satisfies readonly ProceedingDisposition[];

const emptyAsUndefined = z.literal("").transform(() => undefined);
const dispositionSchema = z.enum(PROCEEDING_DISPOSITIONS, { message: "请选择决定或裁判结果" }).optional().or(emptyAsUndefined);

/** One instance of a lawsuit (一审, 二审, 再审) as the form sends it. */
export const proceedingInstanceInputSchema = z.object({
  level: z.enum(["FIRST", "SECOND", "RETRIAL"], { message: "请选择审级" }),
  filedOn: isoDateSchema,
  disposition: dispositionSchema,
  decidedOn: isoDateSchema.optional().or(emptyAsUndefined),
  note: optionalText(500, "审级备注"),
});

/**
 * A 复议 or 诉讼 as the form sends it. The result is never entered as a column of table 四: a
 * reconsideration names its decision (`disposition`, `decidedOn`), a lawsuit lists its instances, and
 * the column is derived (lib/appeals/dispositions.ts). `keepRecordedResult` keeps a result recorded
 * without a name (a ledger import) while no decision or instance is entered.
 */
export const proceedingInputSchema = z
  .object({
    kind: z.enum(["RECONSIDERATION", "LITIGATION"], { message: "请选择复议或诉讼" }),
    route: z.enum(["DIRECT", "AFTER_RECONSIDERATION"]).optional(),
    reconsiderationId: z
      .string()
      .max(40)
      .optional()
      .transform((value) => (value ? value : undefined)),
    onlyCoDefendantAsReviewOrgan: z.boolean().default(false),
    filedOn: isoDateSchema,
    disposition: dispositionSchema,
    decidedOn: isoDateSchema.optional().or(emptyAsUndefined),
    instances: z.array(proceedingInstanceInputSchema).max(10, "审级最多 10 项").default([]),
    keepRecordedResult: z.boolean().default(false),
    resultDetail: optionalText(100, "结果说明"),
    notes: optionalText(2000, "备注"),
  })
  .superRefine((value, context) => {
    if (value.kind === "LITIGATION" && !value.route) context.addIssue({ code: "custom", path: ["route"], message: "请选择诉讼类型" });
    if (value.kind === "LITIGATION" && value.route === "AFTER_RECONSIDERATION" && !value.reconsiderationId) {
      context.addIssue({ code: "custom", path: ["reconsiderationId"], message: "复议后起诉须关联本案的行政复议" });
    }
    if (value.kind === "RECONSIDERATION" && value.onlyCoDefendantAsReviewOrgan) {
      context.addIssue({ code: "custom", path: ["onlyCoDefendantAsReviewOrgan"], message: "“仅作为复议机关共同被告”只适用于行政诉讼" });
    }
    if (value.kind === "RECONSIDERATION" && value.instances.length > 0) {
      context.addIssue({ code: "custom", path: ["instances"], message: "行政复议没有审级，请直接选择复议决定" });
    }
    if (value.kind === "LITIGATION" && (value.disposition || value.decidedOn)) {
      context.addIssue({ code: "custom", path: ["disposition"], message: "行政诉讼的结果按各审级的裁判登记" });
    }
  });
export type ProceedingInput = z.infer<typeof proceedingInputSchema>;
