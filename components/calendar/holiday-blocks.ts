// A holiday block shown whole (issue 13): the official arrangement lists only the weekdays it gives off
// (春节 2026: 2-16 to 2-20, 2-23), so the weekend days inside the block (2-15, 2-21, 2-22) have no row.
// A plain weekend day belongs to a holiday block when the consecutive days off around it (plain weekend
// days and holidays, stopping at any working day) include a holiday; it takes the nearest holiday's name.
// Pure.
import { addCalendarDays, isPlainWeekend, type IsoDate } from "@/lib/calendar/workdays";

export interface DayOff {
  /** A holiday (official or provisional) and its name, or undefined for a plain day. */
  holidayNote: (date: IsoDate) => string | null | undefined;
  /** A make-up working day (调休上班) on a weekend. */
  isMakeupWorkday: (date: IsoDate) => boolean;
}

/** The name of the holiday block a plain weekend day lies in, or null when it is an ordinary weekend. */
export function holidayBlockNote(date: IsoDate, days: DayOff): string | null {
  if (!isPlainWeekend(date) || days.isMakeupWorkday(date) || days.holidayNote(date) !== undefined) return null;
  // At most two weekend days separate a weekend day from the next weekday, so a few steps suffice.
  for (let step = 1; step <= 3; step += 1) {
    for (const direction of [-1, 1]) {
      const other = addCalendarDays(date, direction * step);
      const note = days.holidayNote(other);
      if (note !== undefined && walkable(date, other, direction, days)) return note || "法定节假日";
    }
  }
  return null;
}

/** Every day strictly between `from` and `to` is a day off (a plain weekend day or a holiday). */
function walkable(from: IsoDate, to: IsoDate, direction: number, days: DayOff): boolean {
  for (let day = addCalendarDays(from, direction); day !== to; day = addCalendarDays(day, direction)) {
    const off = days.holidayNote(day) !== undefined || (isPlainWeekend(day) && !days.isMakeupWorkday(day));
    if (!off) return false;
  }
  return true;
}
