// Working-day arithmetic on the official Chinese calendar (rules.md §4). Pure: dates are ISO strings
// ("YYYY-MM-DD", calendar dates in Asia/Shanghai) and the calendar is passed in, never loaded here.
// In a year whose official arrangement is not confirmed, the fixed statutory holidays of the 放假办法
// (the calendar's `statutoryHolidays`, lib/calendar/statutory-holidays.ts on the server) are
// provisional non-working days unless a date is entered.

export type IsoDate = string;
export type CalendarDayKind = "HOLIDAY" | "WORKDAY";

/** A year's fixed statutory days off (a day may appear once per festival that falls on it). */
export type StatutoryHolidays = (year: number) => readonly { date: IsoDate; name: string }[];

/** The dates that differ from the Monday–Friday rule, and the years whose arrangement is published. */
export interface WorkCalendar {
  overrides: ReadonlyMap<IsoDate, CalendarDayKind>;
  confirmedYears: ReadonlySet<number>;
  /** The same overrides keyed by day number (days since 1970-01-01), for the day-stepping loops. */
  overridesByDayNumber: ReadonlyMap<number, CalendarDayKind>;
  /** The 放假办法's days off of each year by day number, memoised per year (see provisionalHolidayOn). */
  statutoryHolidayNamesOf: (year: number) => ReadonlyMap<number, string>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The calendar from its entered dates, its confirmed years and the 放假办法's holidays of any year
 * (lib/calendar/statutory-holidays.ts `statutoryHolidaysOf`; a test may pass `() => []` for the plain
 * weekday rule in unconfirmed years).
 */
export function createWorkCalendar(
  days: Iterable<{ date: IsoDate; kind: CalendarDayKind }>,
  confirmedYears: Iterable<number>,
  statutoryHolidays: StatutoryHolidays,
): WorkCalendar {
  const overrides = new Map<IsoDate, CalendarDayKind>();
  const overridesByDayNumber = new Map<number, CalendarDayKind>();
  for (const day of days) {
    overrides.set(assertIsoDate(day.date), day.kind);
    overridesByDayNumber.set(toDayNumber(day.date), day.kind);
  }
  const namesByYear = new Map<number, ReadonlyMap<number, string>>();
  const statutoryHolidayNamesOf = (year: number): ReadonlyMap<number, string> => {
    let names = namesByYear.get(year);
    if (!names) {
      const byDay = new Map<number, string>();
      for (const holiday of statutoryHolidays(year)) {
        const dayNumber = toDayNumber(holiday.date);
        const existing = byDay.get(dayNumber);
        byDay.set(dayNumber, existing ? `${existing}、${holiday.name}` : holiday.name);
      }
      names = byDay;
      namesByYear.set(year, names);
    }
    return names;
  };
  return { overrides, confirmedYears: new Set(confirmedYears), overridesByDayNumber, statutoryHolidayNamesOf };
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

/** The calendar year of a day number, without allocating a Date (the loops below call this per day). */
function yearOfDayNumber(dayNumber: number): number {
  let year = 1970 + Math.floor(dayNumber / 365.2425);
  if (Date.UTC(year + 1, 0, 1) / DAY_MS <= dayNumber) year += 1;
  else if (Date.UTC(year, 0, 1) / DAY_MS > dayNumber) year -= 1;
  return year;
}

/** A provisional statutory holiday on a weekday of an unconfirmed year, with no override: its name, else null. */
function provisionalHolidayOfDayNumber(calendar: WorkCalendar, dayNumber: number): string | null {
  if (isPlainWeekendDay(dayNumber) || calendar.overridesByDayNumber.has(dayNumber)) return null;
  const year = yearOfDayNumber(dayNumber);
  if (calendar.confirmedYears.has(year)) return null;
  return calendar.statutoryHolidayNamesOf(year).get(dayNumber) ?? null;
}

function isWorkdayNumber(calendar: WorkCalendar, dayNumber: number): boolean {
  const override = calendar.overridesByDayNumber.get(dayNumber);
  if (override) return override === "WORKDAY";
  if (isPlainWeekendDay(dayNumber)) return false;
  return provisionalHolidayOfDayNumber(calendar, dayNumber) === null;
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

/**
 * The festival whose provisional statutory day off `date` is (a weekday of a year with no confirmed
 * arrangement and no entered override), or null. Such a day is not a working day (rules.md §4).
 */
export function provisionalHolidayOn(calendar: WorkCalendar, date: IsoDate): string | null {
  return provisionalHolidayOfDayNumber(calendar, toDayNumber(date));
}

/**
 * The provisional days off of the years fromYear–toYear (weekdays only, where no date is entered and
 * the year is not confirmed), in date order: the dates on which this calendar departs from the plain
 * weekday rule besides its overrides.
 */
export function provisionalHolidaysBetween(calendar: WorkCalendar, fromYear: number, toYear: number): { date: IsoDate; name: string }[] {
  const holidays: { date: IsoDate; name: string }[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    if (calendar.confirmedYears.has(year)) continue;
    for (const [dayNumber] of calendar.statutoryHolidayNamesOf(year)) {
      const name = provisionalHolidayOfDayNumber(calendar, dayNumber);
      if (name !== null) holidays.push({ date: fromDayNumber(dayNumber), name });
    }
  }
  return holidays.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
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
  // The working days of each year are counted once per calendar (yearWorkdayCounts); a range is then
  // a difference of two running counts per year it touches, instead of a step per day (ADR 0099: the
  // 工作台 and the list count the days left or overdue of every line they show).
  let count = 0;
  const first = toDayNumber(from) + 1;
  const last = toDayNumber(to);
  if (first > last) return 0;
  for (let year = yearOfDayNumber(first); year <= yearOfDayNumber(last); year += 1) {
    const { start, running } = yearWorkdayCounts(calendar, year);
    const firstIndex = Math.max(first, start) - start;
    const lastIndex = Math.min(last, start + running.length - 2) - start;
    count += running[lastIndex + 1]! - running[firstIndex]!;
  }
  return count;
}

/** Per calendar (immutable: a changed calendar is a new object, ADR 0083) and year: running[i] = working days among the year's first i days. */
const workdayCountsByCalendar = new WeakMap<WorkCalendar, Map<number, { start: number; running: Int32Array }>>();

function yearWorkdayCounts(calendar: WorkCalendar, year: number): { start: number; running: Int32Array } {
  let years = workdayCountsByCalendar.get(calendar);
  if (!years) {
    years = new Map();
    workdayCountsByCalendar.set(calendar, years);
  }
  let counts = years.get(year);
  if (!counts) {
    const start = Date.UTC(year, 0, 1) / DAY_MS;
    const days = Date.UTC(year + 1, 0, 1) / DAY_MS - start;
    const running = new Int32Array(days + 1);
    for (let index = 0; index < days; index += 1) running[index + 1] = running[index]! + (isWorkdayNumber(calendar, start + index) ? 1 : 0);
    counts = { start, running };
    years.set(year, counts);
  }
  return counts;
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
