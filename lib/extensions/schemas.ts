// Input shapes of extension requests, validated at every boundary.
import { z } from "zod";
import { EXTENSION_REASON_MAX } from "../cases/limits";
import { MAX_EXTENSION_WORKDAYS } from "../cases/clock";

export const extensionRequestSchema = z.object({
  workdays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ message: "请填写延长的工作日数" })
      .int("延长的工作日数应为整数")
      .min(1, `延长的工作日数为 1–${MAX_EXTENSION_WORKDAYS}`)
      .max(MAX_EXTENSION_WORKDAYS, `延长的期限最长不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（条例第三十三条）`),
  ),
  // The project's message for the length ("最多 500 个字（现有 5000 个）"), as on the extension step.
  reason: z.string().trim().min(2, "请填写延期理由").max(EXTENSION_REASON_MAX),
});

export const extensionRejectionSchema = z.object({
  note: z.string().trim().min(2, "请填写驳回理由").max(500, "驳回理由最多 500 个字"),
});
