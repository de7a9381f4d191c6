// The working-day calendar is national reference data shared by every organization of the
// installation, so reads are not scoped by organization: any signed-in user may see it.
import { db } from "../db";
import { assertRole, type Actor } from "../auth/actor";
import { parseInput } from "../validation";
import { calendarYearNumberSchema } from "./schemas";
import { createWorkCalendar, provisionalHolidaysBetween, type IsoDate, type WorkCalendar } from "./workdays";
import { statutoryHolidaysOf } from "./statutory-holidays";

/** A @db.Date column arrives as a JS Date at UTC midnight of that calendar date. */
export function isoDateFromDb(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function dbDateFromIso(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The whole calendar (every override and the confirmed years), for deadline computation. */
export async function loadWorkCalendar(): Promise<WorkCalendar> {
  const [days, confirmedYears] = await Promise.all([
    db.calendarDay.findMany({ select: { date: true, kind: true } }),
    db.calendarYear.findMany({ where: { confirmed: true }, select: { year: true } }),
  ]);
  return createWorkCalendar(
    days.map((day) => ({ date: isoDateFromDb(day.date), kind: day.kind })),
    confirmedYears.map((row) => row.year),
    statutoryHolidaysOf,
  );
}

/** One year's overrides and arrangement status, plus every year that has a status row (for a picker). */
export async function getCalendarYear({ actor, year }: { actor: Actor; year: number }) {
  assertRole(actor, "CLERK", "MANAGER", "ADMIN");
  const checkedYear = parseInput(calendarYearNumberSchema, year);
  const [days, arrangement, knownYears] = await Promise.all([
    db.calendarDay.findMany({
      where: { date: { gte: dbDateFromIso(`${checkedYear}-01-01`), lte: dbDateFromIso(`${checkedYear}-12-31`) } },
      select: { date: true, kind: true, note: true },
      orderBy: { date: "asc" },
    }),
    db.calendarYear.findUnique({ where: { year: checkedYear }, select: { confirmed: true, source: true, updatedAt: true } }),
    db.calendarYear.findMany({ select: { year: true, confirmed: true }, orderBy: { year: "asc" } }),
  ]);
  const overrides = days.map((day) => ({ date: isoDateFromDb(day.date), kind: day.kind, note: day.note }));
  const yearCalendar = createWorkCalendar(overrides, arrangement?.confirmed ? [checkedYear] : [], statutoryHolidaysOf);
  return {
    year: checkedYear,
    days: overrides,
    /** Unconfirmed year: the 放假办法's weekday holidays with no entered date, counted as days off (rules.md §4). */
    provisionalHolidays: provisionalHolidaysBetween(yearCalendar, checkedYear, checkedYear),
    arrangement,
    knownYears,
  };
}

export type CalendarYearView = Awaited<ReturnType<typeof getCalendarYear>>;
export type CalendarOverride = CalendarYearView["days"][number];
