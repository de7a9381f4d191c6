// The dashboard's metric definitions as pure functions (anchors.md §(c) 13: working days net of
// stopped time, median and P90). lib/dashboard/queries.ts computes the same figures in SQL; these are
// the definitions in plain TypeScript, used by the workbench and as the test oracle for the SQL.
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "../calendar/schemas";
import { countWorkdays, isPlainWeekend, provisionalHolidaysBetween, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import { REPLY_WORKDAYS } from "../cases/projection";

/**
 * Working days from `today` to `date`: positive while ahead (0 = today), negative once past (−1 = the
 * working day before today was the last one). The same count as dueStatus's `workdaysLeft`.
 */
export function workdaysUntil(calendar: WorkCalendar, today: IsoDate, date: IsoDate): number {
  return date >= today ? countWorkdays(calendar, today, date) : -countWorkdays(calendar, date, today);
}

export { lastDueSoonDate } from "../cases/projection";

/** The derived columns of a closed case that the closing-time metrics read. */
export interface ClosedCaseTiming {
  dueOn: IsoDate | null;
  closedOn: IsoDate;
  extensionWorkdays: number | null;
  correctionRequestedOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
}

/**
 * Whether a closed case had a running reply period when it closed, so that "on time" and "working
 * days to close" mean something: it has a due date, and it did not close while waiting for 补正 (a case
 * closed as 逾期不补正 has no due date; one withdrawn while waiting for 补正 keeps the due date of the
 * period that the 补正 notice stopped, which would count the applicant's time as the agency's).
 */
export function hasReplyPeriod(timing: ClosedCaseTiming): timing is ClosedCaseTiming & { dueOn: IsoDate } {
  return timing.dueOn !== null && !(timing.correctionRequestedOn !== null && timing.correctionReceivedOn === null);
}

/**
 * Working days the agency took to close a case, net of the days the clock was stopped.
 *
 * Definition: the working days from the day after the start of the reply period (receipt, or receipt
 * of the 补正 after a 补正 notice, which restarts the period: rules.md §4) through the closing date,
 * minus the working days the clock stood still in that period (consultation, fee).
 *
 * Why it is exact with the columns we keep: the projection sets the due date of a closed case to
 * addWorkdays(periodStart, 20 + stopped + extension), where `stopped` includes every stop up to the
 * closing date (several consultations too, although only the last one's dates are kept). So
 *   countWorkdays(periodStart, dueOn) = 20 + stopped + extension, and
 *   net = countWorkdays(periodStart, closedOn) − stopped = 20 + extension − (working days from closedOn to dueOn),
 * i.e. the allowance minus the working days still left at closing (negative when closed late). The
 * period start cancels out. It stays exact as long as the official calendar between the period start
 * and the due date has not been edited since the case closed (closed cases are not recomputed).
 */
export function netWorkdaysToClose(calendar: WorkCalendar, timing: ClosedCaseTiming & { dueOn: IsoDate }): number {
  return REPLY_WORKDAYS + (timing.extensionWorkdays ?? 0) - workdaysUntil(calendar, timing.closedOn, timing.dueOn);
}

/** A Monday, before any date the system holds: the origin of the working-day ordinals below. */
export const WORKDAY_ORDINAL_EPOCH: IsoDate = "1900-01-01";

const DAY_MS = 86_400_000;

/**
 * The official calendar's departures from the Monday–Friday rule as a running correction, for counting
 * working days in SQL without a day-by-day table: `dates` are the overrides that change the count
 * (a holiday on a weekday: −1; a make-up working day on a weekend: +1) and the provisional holidays of
 * unconfirmed years (−1), sorted; `cumulative[i]` is the
 * correction for a date with i of them on or before it (cumulative[0] = 0). In SQL,
 * width_bucket(date, dates) gives i.
 */
export function workdayOrdinalCorrections(calendar: WorkCalendar): { dates: IsoDate[]; cumulative: number[] } {
  const changes: Array<{ date: IsoDate; delta: number }> = [];
  for (const [date, kind] of calendar.overrides) {
    const weekend = isPlainWeekend(date);
    if (kind === "HOLIDAY" && !weekend) changes.push({ date, delta: -1 });
    else if (kind === "WORKDAY" && weekend) changes.push({ date, delta: 1 });
  }
  // The provisional statutory holidays of years without a confirmed arrangement (rules.md §4).
  for (const { date } of provisionalHolidaysBetween(calendar, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR)) {
    changes.push({ date, delta: -1 });
  }
  changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const cumulative = [0];
  for (const change of changes) cumulative.push((cumulative.at(-1) ?? 0) + change.delta);
  return { dates: changes.map((change) => change.date), cumulative };
}

/**
 * The working days from WORKDAY_ORDINAL_EPOCH through `date`, so that countWorkdays(calendar, x, y) =
 * workdayOrdinal(y) − workdayOrdinal(x) for x ≤ y: the weekdays by arithmetic (5 per full week, then at
 * most 5 of the days left), corrected by the official overrides. lib/dashboard/queries.ts computes the
 * same expression in SQL.
 */
export function workdayOrdinal(corrections: { dates: readonly IsoDate[]; cumulative: readonly number[] }, date: IsoDate): number {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${WORKDAY_ORDINAL_EPOCH}T00:00:00Z`)) / DAY_MS) + 1;
  const weekdays = 5 * Math.floor(days / 7) + Math.min(days % 7, 5);
  let overridesOnOrBefore = 0;
  while (overridesOnOrBefore < corrections.dates.length && (corrections.dates[overridesOnOrBefore] ?? "") <= date) overridesOnOrBefore += 1;
  return weekdays + (corrections.cumulative[overridesOnOrBefore] ?? 0);
}

/**
 * The `fraction` percentile with linear interpolation between the closest ranks: PostgreSQL's
 * percentile_cont, Excel's PERCENTILE.INC / MEDIAN. Null for no values.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowerValue = sorted[lower] ?? 0;
  const upperValue = sorted[upper] ?? lowerValue;
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}

/**
 * percentileCont over values given as a histogram (each distinct value with how many times it occurs,
 * in any order): the same result without the list of every value. Null for no values.
 */
export function percentileContOfCounts(histogram: readonly { value: number; count: number }[], fraction: number): number | null {
  const sorted = histogram.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const bin of sorted) {
      seen += bin.count;
      if (rank < seen) return bin.value;
    }
    return sorted.at(-1)?.value ?? 0;
  };
  const lower = Math.floor(position);
  const lowerValue = valueAt(lower);
  const upperValue = valueAt(Math.ceil(position));
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}

/** A share as a whole percentage with one decimal ("87.5"), or null when nothing was counted. */
export function percentage(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
