import { z } from "zod";
import { AppError } from "./errors";

// Chinese default messages for every schema that does not give its own.
z.config(z.locales.zhCN());

/** Parses input with a zod schema; on failure throws a VALIDATION AppError with Chinese field messages. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0]?.message ?? "输入有误";
  throw new AppError("VALIDATION", `输入有误：${first}`, fieldErrors);
}
