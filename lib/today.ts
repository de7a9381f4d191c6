// Today's date where the law counts it: legal dates are calendar dates in Asia/Shanghai, whatever the
// time zone of the server. The one place that turns "now" into a legal date; domain code takes `today`.
import type { IsoDate } from "./calendar/workdays";
import { formatDate } from "./format";

/** "2026-02-13": the calendar date in Beijing at the instant `now`. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return formatDate(now);
}
