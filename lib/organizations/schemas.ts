import { z } from "zod";
import { checkCaseNumberPattern } from "../cases/case-number";

export const organizationCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, "机构代码须为 2–32 位小写字母、数字或连字符");

export const createOrganizationSchema = z.object({
  code: organizationCodeSchema,
  name: z.string().trim().min(2, "机构名称至少 2 个字").max(80, "机构名称最多 80 个字"),
  parentCode: organizationCodeSchema.optional(),
  /** ADMIN and MANAGER accounts must sign in with a second factor (on unless said otherwise). */
  requireTotp: z.boolean().default(true),
});

export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;


export const organizationSettingsSchema = z.object({
  /** Absent: unchanged (the settings form always sends it). */
  requireTotp: z.boolean().optional(),
  name: z.string().trim().min(2, "机构名称至少 2 个字").max(80, "机构名称最多 80 个字"),
  appealsBasis: z.enum(["FILED_IN_YEAR", "ACTIVE_IN_YEAR"], { message: "请选择复议诉讼统计口径" }),
  feeStopsClock: z.boolean(),
  caseNumberPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9\u4e00-\u9fff〔〕()（）-]{1,12}$/, "案件编号前缀为 1–12 个字母、数字、汉字或括号"),
  caseNumberPattern: z
    .string()
    .trim()
    .superRefine((pattern, context) => {
      const problem = checkCaseNumberPattern(pattern);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});

export const APPEALS_BASIS_LABELS = {
  FILED_IN_YEAR: "按本年新立案统计（默认）",
  ACTIVE_IN_YEAR: "按本年审结及年底未结统计",
} as const;
