// Pure date rules with no database: the conversion of @db.Date columns, the Chinese way of writing a
// date, and the rules of the calendar grid (what kind of day a cell shows, a year's totals). The
// working-day arithmetic itself is lib/calendar/workdays.ts; today's date is lib/today.ts.
import { isPlainWeekend, type CalendarDayKind, type IsoDate } from "./workdays";

/** A @db.Date column arrives as a JS Date at UTC midnight of that calendar date. */
export function isoDateFromDb(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function dbDateFromIso(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** 2026-03-02 → 2026年3月2日, the way letters write dates. */
export function chineseDate(date: IsoDate | null | undefined): string {
  if (!date) return "";
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

export type CalendarCellKind = "workday" | "rest" | "holiday" | "holiday-weekend" | "provisional-holiday" | "makeup-workday";

export interface CalendarOverrideView {
  date: IsoDate;
  kind: CalendarDayKind;
  note: string;
}

/** A provisional statutory holiday of an unconfirmed year (lib/calendar/statutory-holidays.ts). */
export interface ProvisionalHolidayView {
  date: IsoDate;
  name: string;
}

export const CELL_KIND_LABELS: Record<CalendarCellKind, string> = {
  workday: "工作日",
  rest: "周末休息",
  holiday: "法定节假日（放假）",
  "holiday-weekend": "节假日期间的周末（放假）",
  "provisional-holiday": "暂定放假（官方安排未确认，按放假办法计）",
  "makeup-workday": "调休上班",
};

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

export function cellKindOf(date: IsoDate, override: CalendarDayKind | undefined, provisionalHoliday = false): CalendarCellKind {
  if (override === "HOLIDAY") return "holiday";
  if (override === "WORKDAY") return "makeup-workday";
  if (isPlainWeekend(date)) return "rest";
  return provisionalHoliday ? "provisional-holiday" : "workday";
}

export function weekdayNameOf(date: IsoDate): string {
  return WEEKDAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "";
}

/** Totals for the year, a quick check of a newly entered arrangement (an official year has about 250 working days). */
export function summarizeCalendarYear(
  year: number,
  overrides: readonly CalendarOverrideView[],
  provisionalHolidays: readonly ProvisionalHolidayView[] = [],
) {
  const overridesByDate = new Map(overrides.map((override) => [override.date, override.kind]));
  const provisional = new Set(provisionalHolidays.map((holiday) => holiday.date));
  const totals: Record<CalendarCellKind, number> = { workday: 0, rest: 0, holiday: 0, "holiday-weekend": 0, "provisional-holiday": 0, "makeup-workday": 0 };
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    totals[cellKindOf(date, overridesByDate.get(date), provisional.has(date))] += 1;
  }
  return { ...totals, workingDays: totals.workday + totals["makeup-workday"] };
}
