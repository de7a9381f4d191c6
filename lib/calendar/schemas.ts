import type { CalendarDayKind } from "@prisma/client";
import { z } from "zod";
import { assertIsoDate } from "./workdays";

export const CALENDAR_DAY_KINDS = ["HOLIDAY", "WORKDAY"] as const satisfies readonly CalendarDayKind[];

/** What an administrator may set a date to: an override, or DEFAULT to remove the override. */
export const CALENDAR_DAY_CHOICES = ["DEFAULT", ...CALENDAR_DAY_KINDS] as const;
export type CalendarDayChoice = (typeof CALENDAR_DAY_CHOICES)[number];

export const CALENDAR_DAY_CHOICE_LABELS: Record<CalendarDayChoice, string> = {
  DEFAULT: "按常规",
  HOLIDAY: "法定节假日（放假）",
  WORKDAY: "调休上班",
};

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

function isValidIsoDate(value: string): boolean {
  try {
    assertIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export const isoDateSchema = z
  .string({ message: "请选择日期" })
  .trim()
  .refine((date) => date !== "", { message: "请填写日期", abort: true })
  .refine(isValidIsoDate, { message: "日期无效，应为 YYYY-MM-DD 格式的真实日期", abort: true })
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
  }, `日期须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 年之间`);

/** Accepts a number or a numeric string (form fields and URL parameters). */
export const calendarYearNumberSchema = z.coerce
  .number({ message: "请填写年份" })
  .int("年份须为整数")
  .min(MIN_CALENDAR_YEAR, `年份须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间`)
  .max(MAX_CALENDAR_YEAR, `年份须在 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间`);

export const setCalendarDaySchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(CALENDAR_DAY_CHOICES, { message: "请选择按常规、法定节假日或调休上班" }),
    note: z.string().trim().max(60, "说明最多 60 个字").default(""),
  })
  .superRefine((value, context) => {
    if (value.kind !== "DEFAULT" && value.note === "") {
      context.addIssue({ code: "custom", path: ["note"], message: "请填写说明，例如“春节放假”或“国庆节调休上班”" });
    }
  });

export const setCalendarYearSchema = z.object({
  year: calendarYearNumberSchema,
  confirmed: z.boolean({ message: "请选择是否已确认" }),
  source: z.string().trim().max(120, "来源文件名称最多 120 个字").optional(),
});

