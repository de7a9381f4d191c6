import { z } from "zod";
import { AppError } from "./errors";

// The project's zod messages, set once (issue 13): plain Chinese for every check whose schema gives no
// message of its own ("最多 500 个字（现有 5000 个）", not zod's "数值过大：期望 string <=500 字符").
// Anything not covered here falls back to zod's own Chinese locale.
z.config(z.locales.zhCN());
z.config({ customError: chineseMessage });

function lengthOf(input: unknown): number | null {
  return typeof input === "string" ? input.trim().length : Array.isArray(input) ? input.length : null;
}

/** The message for one zod issue, or undefined to keep zod's (zhCN) default. Exported for the tests. */
export function chineseMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return "必填";
      return issue.expected === "number" || issue.expected === "int" ? "请填写数字" : issue.expected === "date" ? "请填写有效的日期" : "格式不正确";
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") {
        const length = lengthOf(issue.input);
        return `最多 ${max} 个字${length !== null ? `（现有 ${length} 个）` : ""}`;
      }
      if (issue.origin === "array" || issue.origin === "set") return `最多 ${max} 项`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
      return undefined;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "必填" : `至少 ${min} 个字`;
      if (issue.origin === "array" || issue.origin === "set") return min <= 1 ? "至少选择一项" : `至少 ${min} 项`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
      return undefined;
    }
    case "invalid_value":
      return "不是可选的值，请从列表中选择";
    case "invalid_format":
      return issue.format === "email" ? "电子邮件地址格式不正确" : issue.format === "date" ? "日期格式应为 YYYY-MM-DD" : "格式不正确";
    case "unrecognized_keys":
      return `包含无法识别的字段：${issue.keys.join("、")}`;
    default:
      return undefined;
  }
}

/**
 * Field names in Chinese, by the last part of the path, for the message above the form ("输入有误：延期理由：
 * 最多 500 个字"). A message given by the schema that already names its field is not prefixed.
 */
const FIELD_LABELS: Record<string, string> = {
  occurredOn: "日期",
  reason: "理由",
  approvedBy: "批准人",
  approvedOn: "批准日期",
  workdays: "延长工作日数",
  deadlineOn: "补正期限",
  partyName: "征求对象",
  amount: "金额",
  matters: "补正事项",
  summary: "答复摘要",
  serviceMethod: "送达方式",
  requestContent: "申请内容",
  applicantName: "申请人",
  applicantIdNumber: "证件号码",
  applicantContact: "联系方式",
  receivedOn: "收到申请日期",
  channel: "申请方式",
  applicantType: "申请人类型",
  note: "备注",
  name: "名称",
  displayName: "姓名",
  username: "用户名",
  email: "电子邮件",
  password: "密码",
};

/** "延期理由" for the step's reason of an extension, else the label of the last path part. */
export function fieldLabel(path: readonly PropertyKey[], input?: unknown): string | undefined {
  const last = path.at(-1);
  if (typeof last !== "string") return undefined;
  if (last === "reason" && input && typeof input === "object" && (input as { type?: unknown }).type === "EXTENSION") return "延期理由";
  return FIELD_LABELS[last];
}

/** Parses input with a zod schema; on failure throws a VALIDATION AppError with Chinese field messages. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const firstIssue = result.error.issues[0];
  const label = firstIssue ? fieldLabel(firstIssue.path, input) : undefined;
  const firstMessage = firstIssue?.message ?? "";
  const named = label && !firstMessage.includes(label) ? `${label}：${firstMessage}` : firstMessage;
  // The message names the first field; the others are counted, each field showing its own.
  const otherFields = Object.keys(fieldErrors).length - 1;
  const others = otherFields > 0 ? `；另有 ${otherFields} 项需要修改，见各栏提示` : "";
  throw new AppError("VALIDATION", named ? `输入有误：${named}${others}` : "输入有误", fieldErrors);
}
