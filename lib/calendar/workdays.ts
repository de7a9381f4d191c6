// Working-day arithmetic on the official Chinese calendar (rules.md §4). Pure: dates are ISO strings
// ("YYYY-MM-DD", calendar dates in Asia/Shanghai) and the calendar is passed in, never loaded here.

export type IsoDate = string;
export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

/** The dates that differ from the Monday–Friday rule, and the years whose arrangement is published. */
export interface WorkCalendar {
  overrides: ReadonlyMap<IsoDate, CalendarDayKind>;
  confirmedYears: ReadonlySet<number>;
  /** The same overrides keyed by day number (days since 1970-01-01), for the day-stepping loops. */
  overridesByDayNumber: ReadonlyMap<number, CalendarDayKind>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function createWorkCalendar(
  days: Iterable<{ date: IsoDate; kind: CalendarDayKind }>,
  confirmedYears: Iterable<number>,
): WorkCalendar {
  const overrides = new Map<IsoDate, CalendarDayKind>();
  const overridesByDayNumber = new Map<number, CalendarDayKind>();
  for (const day of days) {
    overrides.set(assertIsoDate(day.date), day.kind);
    overridesByDayNumber.set(toDayNumber(day.date), day.kind);
  }
  return { overrides, confirmedYears: new Set(confirmedYears), overridesByDayNumber };
}

export function assertIsoDate(date: string): IsoDate {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${date}`);
  const [, y, m, d] = match;
  const time = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (new Date(time).toISOString().slice(0, 10) !== date) throw new RangeError(`不是有效日期：${date}`);
  return date;
}

function toDayNumber(date: IsoDate): number {
  return Date.parse(`${assertIsoDate(date)}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function isPlainWeekendDay(dayNumber: number): boolean {
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

function isWorkdayNumber(calendar: WorkCalendar, dayNumber: number): boolean {
  const override = calendar.overridesByDayNumber.get(dayNumber);
  if (override) return override === "WORKDAY";
  return !isPlainWeekendDay(dayNumber);
}

/** The calendar date `days` days after `date` (negative for before). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Saturday or Sunday, before any official arrangement is applied. */
export function isPlainWeekend(date: IsoDate): boolean {
  return isPlainWeekendDay(toDayNumber(date));
}

export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date).slice(0, 4));
}

export function isWorkday(calendar: WorkCalendar, date: IsoDate): boolean {
  return isWorkdayNumber(calendar, toDayNumber(date));
}

export function isYearConfirmed(calendar: WorkCalendar, year: number): boolean {
  return calendar.confirmedYears.has(year);
}

/**
 * The `count`-th working day after `start` (the start date itself never counts: rules.md §4,
 * "counting starts on the working day after the start date"). `count` 0 returns `start`.
 */
export function addWorkdays(calendar: WorkCalendar, start: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`工作日数须为非负整数：${count}`);
  let dayNumber = toDayNumber(start);
  let remaining = count;
  while (remaining > 0) {
    dayNumber += 1;
    if (isWorkdayNumber(calendar, dayNumber)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

/** Working days in the range (from, to]: after `from`, up to and including `to`. 0 when to ≤ from. */
export function countWorkdays(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  const last = toDayNumber(to);
  for (let dayNumber = toDayNumber(from) + 1; dayNumber <= last; dayNumber += 1) {
    if (isWorkdayNumber(calendar, dayNumber)) count += 1;
  }
  return count;
}

/** The first working day on or after `date`. */
export function nextWorkdayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let current = assertIsoDate(date);
  while (!isWorkday(calendar, current)) current = addCalendarDays(current, 1);
  return current;
}

/** The years between two dates (inclusive) whose official arrangement is not confirmed. */
export function unconfirmedYearsBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number[] {
  const years: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1) {
    if (!isYearConfirmed(calendar, year)) years.push(year);
  }
  return years;
}
