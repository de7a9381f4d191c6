// When a year's annual report is due and whether it was published by then (条例 Art. 49; rules.md §8):
// a department (县级以上人民政府部门) by 31 January of the next year, a government (县级以上地方人民政府)
// by the date it sets — by law 31 March. Pure: `today` is passed in.
import { z } from "zod";
import type { IsoDate } from "../calendar/workdays";

/** The deadline of a department, "MM-DD" of the year after the report year. */
export const DEPARTMENT_REPORT_DEADLINE = "01-31";

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "MM-DD" that exists in every year (29 February does not). */
export const reportDeadlineSchema = z
  .string({ error: "请填写发布期限" })
  .trim()
  .regex(MONTH_DAY, "发布期限应为 MM-DD，如 03-31")
  .refine((value) => {
    const [month, day] = value.split("-").map(Number);
    const date = new Date(Date.UTC(2001, (month ?? 1) - 1, day ?? 1));
    return date.getUTCMonth() === (month ?? 1) - 1 && date.getUTCDate() === day;
  }, "发布期限不是有效日期（2 月 29 日不是每年都有）");

/** The date by which the report for `year` is due, for an organization with this setting (null: a department). */
export function reportDueOn(year: number, reportDeadline: string | null): IsoDate {
  return `${year + 1}-${reportDeadline ?? DEPARTMENT_REPORT_DEADLINE}`;
}

/** "3月31日" */
export function formatMonthDay(monthDay: string): string {
  const [month, day] = monthDay.split("-").map(Number);
  return `${month}月${day}日`;
}

export type Timeliness =
  | { kind: "on_time"; dueOn: IsoDate; publishedOn: IsoDate }
  | { kind: "late"; dueOn: IsoDate; publishedOn: IsoDate; daysLate: number }
  /** Not published, and the deadline has not passed. */
  | { kind: "not_due"; dueOn: IsoDate }
  /** Not published, and the deadline has passed. */
  | { kind: "overdue"; dueOn: IsoDate; daysLate: number };

const DAY_MS = 86_400_000;
const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Measured by the first publication (version 1): a later version does not make a report late or on time. */
export function timelinessOf({ dueOn, firstPublishedOn, today }: { dueOn: IsoDate; firstPublishedOn: IsoDate | null; today: IsoDate }): Timeliness {
  if (firstPublishedOn) {
    return firstPublishedOn <= dueOn
      ? { kind: "on_time", dueOn, publishedOn: firstPublishedOn }
      : { kind: "late", dueOn, publishedOn: firstPublishedOn, daysLate: daysBetween(dueOn, firstPublishedOn) };
  }
  return today <= dueOn ? { kind: "not_due", dueOn } : { kind: "overdue", dueOn, daysLate: daysBetween(dueOn, today) };
}

export const TIMELINESS_LABELS: Record<Timeliness["kind"], string> = {
  on_time: "按时发布",
  late: "逾期发布",
  not_due: "未到期限",
  overdue: "逾期未发布",
};
