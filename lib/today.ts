// Today's date where the law counts it: legal dates are calendar dates in Asia/Shanghai, whatever the
// time zone of the server. The one place that turns "now" into a legal date; domain code takes `today`.
import type { IsoDate } from "./calendar/workdays";

// en-CA orders the parts year-month-day; formatToParts rather than format() so that a locale pattern
// change between ICU versions cannot alter the separators.
const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026-02-13": the calendar date in Beijing at the instant `now`. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  const parts = { year: "", month: "", day: "" };
  for (const part of shanghaiDate.formatToParts(now)) {
    if (part.type === "year" || part.type === "month" || part.type === "day") parts[part.type] = part.value;
  }
  return `${parts.year}-${parts.month}-${parts.day}`;
}
