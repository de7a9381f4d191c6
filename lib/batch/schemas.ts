// Input shapes of the case list's batch actions (批量分配经办人, 批量答复办结): the selected cases, each
// with its version as the list was loaded, and what to apply to all of them.
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import { outcomeSchema } from "../cases/schemas";
import { OUTCOME_LABELS } from "../cases/labels";
import type { Outcome } from "@prisma/client";

/** At most this many cases per batch: one transaction locks every case it changes. */
export const BATCH_MAX_CASES = 200;

/**
 * Outcomes a batch close may not give: they need per-case text (which parts are disclosed and which
 * withheld), so they are recorded on each case's page.
 */
export const BATCH_CLOSE_REFUSED_OUTCOMES: readonly Outcome[] = ["PARTIALLY_GRANTED"];

export const BATCH_CLOSE_OUTCOMES: readonly Outcome[] = (Object.keys(OUTCOME_LABELS) as Outcome[]).filter(
  (outcome) => !BATCH_CLOSE_REFUSED_OUTCOMES.includes(outcome),
);

const selectedCasesSchema = z
  .array(
    z.object({
      id: z.string().min(1).max(40),
      version: z.coerce.number().int().min(0),
    }),
    { message: "请先勾选案件" },
  )
  .min(1, "请先勾选要批量处理的案件")
  .max(BATCH_MAX_CASES, `一次最多批量处理 ${BATCH_MAX_CASES} 件案件，请分批操作`)
  .refine((cases) => new Set(cases.map((selected) => selected.id)).size === cases.length, "同一案件被重复选择，请刷新后重新勾选");

export type SelectedCase = z.infer<typeof selectedCasesSchema>[number];

export const batchReassignSchema = z.object({
  cases: selectedCasesSchema,
  /** Empty: 未分配 (the cases go back to the managers' 未分配 panel). */
  handlerId: z
    .string()
    .max(40)
    .transform((value) => (value ? value : null)),
});

export const batchCloseSchema = z.object({
  cases: selectedCasesSchema,
  outcome: outcomeSchema.refine((outcome) => !BATCH_CLOSE_REFUSED_OUTCOMES.includes(outcome), {
    message: "“部分公开”需要逐件写明公开和不予公开的内容，不能批量办结，请在各案件页登记",
  }),
  occurredOn: isoDateSchema,
  serviceMethod: z.string({ message: "请填写送达方式" }).trim().min(1, "请填写送达方式").max(50, "送达方式最多 50 个字"),
});
