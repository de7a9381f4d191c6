import { z } from "zod";
import { ATTACHMENT_CATEGORY_KEYS } from "./definitions";

export const addAttachmentSchema = z
  .object({
    applicationId: z.string().min(1).max(40),
    category: z.enum(ATTACHMENT_CATEGORY_KEYS as [string, ...string[]], { error: "请选择材料类别" }),
    description: z
      .string()
      .trim()
      .max(200, "说明最多 200 个字")
      .optional()
      .transform((value) => (value ? value : undefined)),
    /** The attachment this one replaces (it stays in the case file, marked superseded). */
    supersedesId: z
      .string()
      .max(40)
      .optional()
      .transform((value) => (value ? value : undefined)),
    supersedeReason: z
      .string()
      .trim()
      .max(200, "替换理由最多 200 个字")
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  .refine((value) => !value.supersedesId || value.supersedeReason, { message: "替换已有材料须说明理由", path: ["supersedeReason"] });
