// Working-day arithmetic on real dates. The calendar is parsed from the migration that seeds the
// database (prisma/migrations/20261121000100_calendar_2019_2026), not rebuilt from chinese-days: these
// tests check the rows we actually ship. A separate test compares those rows with the chinese-days
// data day by day, so a hand edit of the migration that drifts from the official arrangement fails.
//
// Every expected date below was counted by hand against a Monday-first month view (python's
// calendar.month) and cross-checked with an independent Python count over the same migration rows.
// None was obtained by calling the functions under test.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addWorkdays,
  countWorkdays,
  createWorkCalendar,
  isPlainWeekend,
  isWorkday,
  isYearConfirmed,
  nextWorkdayOnOrAfter,
  provisionalHolidayOn,
  unconfirmedYearsBetween,
} from "./workdays";
import { shippedCalendar, shippedConfirmedYears, shippedDays } from "@/tests/shipped-calendar";
import { statutoryHolidaysOf } from "./statutory-holidays";

const calendar = shippedCalendar;

describe("the shipped calendar migration", () => {
  it("covers 2019–2026, all confirmed", () => {
    expect(shippedConfirmedYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(shippedDays.length).toBeGreaterThan(150);
  });

  it("only holds dates that differ from the Monday–Friday rule", () => {
    for (const day of shippedDays) {
      expect(isPlainWeekend(day.date), `${day.date} ${day.kind}`).toBe(day.kind === "WORKDAY");
    }
  });

  it("agrees with the chinese-days data on every day of 2019–2026", () => {
    const require = createRequire(import.meta.url);
    const yearsDir = path.join(path.dirname(require.resolve("chinese-days/package.json")), "dist", "years");
    for (let year = 2019; year <= 2026; year += 1) {
      const official = JSON.parse(readFileSync(path.join(yearsDir, `${year}.json`), "utf8")) as {
        holidays: Record<string, string>;
        workdays: Record<string, string>;
      };
      for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
        const officiallyWorking = date in official.workdays || (!(date in official.holidays) && !isPlainWeekend(date));
        expect(isWorkday(calendar, date), date).toBe(officiallyWorking);
      }
    }
  });
});

describe("2026 Spring Festival (holiday Sun 02-15 … Mon 02-23, 调休上班 Sat 02-14 and Sat 02-28)", () => {
  it("marks the nine holiday days, weekend ones included, as rest days", () => {
    const holiday = ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"];
    for (const date of holiday) expect(isWorkday(calendar, date), date).toBe(false);
  });

  it("marks the make-up Saturdays as working days", () => {
    expect(isWorkday(calendar, "2026-02-14")).toBe(true);
    expect(isWorkday(calendar, "2026-02-28")).toBe(true);
  });

  it("keeps the days around the holiday on the plain rule", () => {
    expect(isWorkday(calendar, "2026-02-13")).toBe(true); // Friday, last working day before the holiday
    expect(isWorkday(calendar, "2026-02-24")).toBe(true); // Tuesday, first day back
    expect(isWorkday(calendar, "2026-03-01")).toBe(false); // Sunday after the make-up Saturday
  });

  it("counts 20 working days from Friday 2026-02-13 to Thursday 2026-03-19", () => {
    // Sat 02-14 调休上班 → 1; Sun 02-15 … Mon 02-23 holiday → 0;
    // Tue 02-24 2, Wed 02-25 3, Thu 02-26 4, Fri 02-27 5, Sat 02-28 调休上班 6; Sun 03-01 rest;
    // Mon 03-02 7 … Fri 03-06 11; Mon 03-09 12 … Fri 03-13 16; Mon 03-16 17, Tue 18, Wed 19, Thu 03-19 20.
    expect(addWorkdays(calendar, "2026-02-13", 20)).toBe("2026-03-19");
    expect(countWorkdays(calendar, "2026-02-13", "2026-03-19")).toBe(20);
  });

  it("counts from the day after an application received on the make-up Saturday 2026-02-14", () => {
    // Receipt on a 调休 working Saturday is receipt on a working day; the receipt day itself never
    // counts. Sun 02-15 … Mon 02-23 holiday; Tue 02-24 1 … Fri 02-27 4; Sat 02-28 5; Sun 03-01 rest;
    // Mon 03-02 6 … Fri 03-06 10; Mon 03-09 11 … Fri 03-13 15; Mon 03-16 16 … Fri 03-20 20.
    expect(addWorkdays(calendar, "2026-02-14", 20)).toBe("2026-03-20");
    // Received on the first holiday day instead: the next working day is still Tue 02-24, same due date.
    expect(addWorkdays(calendar, "2026-02-15", 20)).toBe("2026-03-20");
    // The first working day after receipt on 02-14 is the Tuesday after the holiday.
    expect(addWorkdays(calendar, "2026-02-14", 1)).toBe("2026-02-24");
  });

  it("moves a date that falls in the holiday to the first working day on or after it", () => {
    expect(nextWorkdayOnOrAfter(calendar, "2026-02-15")).toBe("2026-02-24");
    expect(nextWorkdayOnOrAfter(calendar, "2026-02-14")).toBe("2026-02-14");
  });
});

describe("2025 National Day (holiday Wed 10-01 … Wed 10-08 with 中秋 10-06, 调休上班 Sun 09-28 and Sat 10-11)", () => {
  it("marks the holiday and make-up days", () => {
    for (const date of ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"]) {
      expect(isWorkday(calendar, date), date).toBe(false);
    }
    expect(isWorkday(calendar, "2025-09-28")).toBe(true); // Sunday
    expect(isWorkday(calendar, "2025-10-11")).toBe(true); // Saturday
    expect(isWorkday(calendar, "2025-09-27")).toBe(false); // Saturday before, plain rest day
    expect(isWorkday(calendar, "2025-10-12")).toBe(false); // Sunday after, plain rest day
  });

  it("adds working days across the holiday", () => {
    // From Fri 09-26: Sat 09-27 rest; Sun 09-28 调休上班 1; Mon 09-29 2; Tue 09-30 3; 10-01 … 10-08 holiday;
    // Thu 10-09 4; Fri 10-10 5.
    expect(addWorkdays(calendar, "2025-09-26", 5)).toBe("2025-10-10");
    // From Tue 09-30: 10-01 … 10-08 holiday; Thu 10-09 1, Fri 10-10 2, Sat 10-11 调休上班 3; Sun 10-12 rest;
    // Mon 10-13 4 … Fri 10-17 8; Mon 10-20 9 … Fri 10-24 13; Mon 10-27 14 … Fri 10-31 18;
    // Mon 11-03 19, Tue 11-04 20.
    expect(addWorkdays(calendar, "2025-09-30", 20)).toBe("2025-11-04");
  });

  it("counts working days across the holiday", () => {
    // (09-30, 10-10]: only Thu 10-09 and Fri 10-10.
    expect(countWorkdays(calendar, "2025-09-30", "2025-10-10")).toBe(2);
    // (09-26, 10-12]: Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10, Sat 10-11.
    expect(countWorkdays(calendar, "2025-09-26", "2025-10-12")).toBe(6);
    // All of October: 23 weekdays − 6 holiday weekdays (01, 02, 03, 06, 07, 08) + Sat 10-11 = 18.
    expect(countWorkdays(calendar, "2025-09-30", "2025-10-31")).toBe(18);
    // All of September: 22 weekdays + Sun 09-28 = 23.
    expect(countWorkdays(calendar, "2025-08-31", "2025-09-30")).toBe(23);
  });
});

describe("countWorkdays is the inverse of addWorkdays", () => {
  // Each call walks the calendar day by day, so the sample is chosen rather than exhaustive: every 4th
  // day of 2019–2026 (4 and 7 are coprime, so every weekday is a start) with a spread of counts, and
  // every day around the two holidays above with every count up to 25.
  const spreadCounts = [0, 1, 2, 3, 5, 7, 10, 15, 19, 20, 21, 25, 40];
  const everyCountTo25 = Array.from({ length: 26 }, (_, count) => count);

  function inverseMismatches(from: string, to: string, step: number, counts: readonly number[]): string[] {
    const mismatches: string[] = [];
    for (let start = from; start <= to; start = addCalendarDays(start, step)) {
      for (const count of counts) {
        const due = addWorkdays(calendar, start, count);
        if (countWorkdays(calendar, start, due) !== count) mismatches.push(`${start} + ${count} → ${due}: count differs`);
        // For count > 0 the due date is a working day and the first day that reaches the count.
        if (count > 0 && !isWorkday(calendar, due)) mismatches.push(`${start} + ${count} → ${due}: not a working day`);
        if (count > 0 && countWorkdays(calendar, start, addCalendarDays(due, -1)) !== count - 1) {
          mismatches.push(`${start} + ${count} → ${due}: an earlier day already reaches the count`);
        }
      }
    }
    return mismatches;
  }

  it("holds for start dates every 4 days through 2019–2026", () => {
    expect(inverseMismatches("2019-01-01", "2026-10-31", 4, spreadCounts)).toEqual([]);
  });

  it("holds for every start date around the 2026 Spring Festival and 2025 National Day", () => {
    expect(inverseMismatches("2026-01-25", "2026-03-10", 1, everyCountTo25)).toEqual([]);
    expect(inverseMismatches("2025-09-15", "2025-10-20", 1, everyCountTo25)).toEqual([]);
  });

  it("counts nothing for an empty or reversed range", () => {
    expect(countWorkdays(calendar, "2026-03-19", "2026-03-19")).toBe(0);
    expect(countWorkdays(calendar, "2026-03-19", "2026-02-13")).toBe(0);
  });
});

describe("a year without a confirmed arrangement (2027)", () => {
  it("is reported as unconfirmed", () => {
    expect(isYearConfirmed(calendar, 2026)).toBe(true);
    expect(isYearConfirmed(calendar, 2027)).toBe(false);
    expect(unconfirmedYearsBetween(calendar, "2026-12-01", "2027-01-31")).toEqual([2027]);
    expect(unconfirmedYearsBetween(calendar, "2026-01-01", "2026-12-31")).toEqual([]);
  });

  it("counts the 放假办法's fixed holidays as provisional days off: 元旦 2027-01-01 (a Friday) is not a working day", () => {
    expect(isWorkday(calendar, "2027-01-01")).toBe(false);
    expect(provisionalHolidayOn(calendar, "2027-01-01")).toBe("元旦");
    expect(isWorkday(calendar, "2027-01-02")).toBe(false); // Saturday
    // From Thu 2026-12-31 the next working day is provisionally Mon 2027-01-04.
    expect(addWorkdays(calendar, "2026-12-31", 1)).toBe("2027-01-04");
  });

  it("takes 春节 (4 days from 除夕), 清明, 劳动节, 端午, 中秋 and 国庆 from the lunar and solar-term tables", () => {
    // 2027: 除夕 is Friday 5 February (腊月廿九), 清明 Monday 5 April, 端午 Wednesday 9 June, 中秋 Wednesday 15 September.
    const offWeekdays = ["2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01"];
    for (const date of offWeekdays) expect(isWorkday(calendar, date), date).toBe(false);
    expect(provisionalHolidayOn(calendar, "2027-02-08")).toBe("春节");
    // 劳动节 1–2 May 2027 and 国庆 2–3 October fall on a weekend: no weekday is added (调休 stays unknown).
    expect(isWorkday(calendar, "2027-05-03")).toBe(true);
    expect(isWorkday(calendar, "2027-10-04")).toBe(true);
    expect(isWorkday(calendar, "2027-02-09")).toBe(true);
    expect(countWorkdays(calendar, "2027-01-31", "2027-02-14")).toBe(8); // 1–4 and 9–12 February
  });

  it("gives way to a date the administrator entered, and to a confirmed year", () => {
    const entered = createWorkCalendar([...shippedDays, { date: "2027-02-08", kind: "WORKDAY" }], shippedConfirmedYears, statutoryHolidaysOf);
    expect(isWorkday(entered, "2027-02-08")).toBe(true);
    expect(provisionalHolidayOn(entered, "2027-02-08")).toBeNull();
    const confirmed = createWorkCalendar(shippedDays, [...shippedConfirmedYears, 2027], statutoryHolidaysOf);
    expect(isWorkday(confirmed, "2027-01-01")).toBe(true);
    expect(provisionalHolidayOn(confirmed, "2027-01-01")).toBeNull();
    // The shipped years never get provisional days: their arrangement is entered.
    expect(provisionalHolidayOn(calendar, "2026-10-01")).toBeNull();
  });
});

describe("invalid input", () => {
  it("rejects dates that do not exist or are not ISO formatted", () => {
    expect(() => isWorkday(calendar, "2026-02-30")).toThrow(RangeError);
    expect(() => addWorkdays(calendar, "2026-02-30", 1)).toThrow(RangeError);
    expect(() => countWorkdays(calendar, "2026-02-13", "2026-02-30")).toThrow(RangeError);
    expect(() => isWorkday(calendar, "2026-2-14")).toThrow(RangeError);
    expect(() => isWorkday(calendar, "2026/02/14")).toThrow(RangeError);
    expect(() => createWorkCalendar([{ date: "2025-02-29", kind: "HOLIDAY" }], [], statutoryHolidaysOf)).toThrow(RangeError);
  });

  it("rejects a negative or fractional number of working days", () => {
    expect(() => addWorkdays(calendar, "2026-02-13", -1)).toThrow(RangeError);
    expect(() => addWorkdays(calendar, "2026-02-13", 1.5)).toThrow(RangeError);
  });
});

describe("countWorkdays by running counts per year (ADR 0099)", () => {
  /** The definition: one step per day after `from` through `to`, each working day counted. */
  function countDayByDay(workCalendar: typeof calendar, from: string, to: string): number {
    let count = 0;
    for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) if (isWorkday(workCalendar, date)) count += 1;
    return count;
  }

  // The shipped calendar, and one with an unconfirmed year (provisional holidays) and overrides of its own.
  const unconfirmed = createWorkCalendar(
    [
      { date: "2027-02-06", kind: "WORKDAY" },
      { date: "2027-03-03", kind: "HOLIDAY" },
      { date: "2028-12-31", kind: "WORKDAY" },
    ],
    [2026],
    statutoryHolidaysOf,
  );

  it("equals the day-by-day count on ranges within a year, across years and leap days, empty and reversed", () => {
    const anchors = ["2019-01-01", "2020-02-28", "2020-02-29", "2020-12-31", "2024-02-29", "2025-09-30", "2025-12-31", "2026-01-01", "2026-02-14", "2027-02-06", "2027-03-03", "2028-12-31", "2029-01-01"];
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    const ranges: [string, string][] = [];
    for (const a of anchors) for (const b of anchors) ranges.push([a, b]);
    for (let index = 0; index < 120; index += 1) {
      const from = addCalendarDays("2019-01-01", random(3650));
      ranges.push([from, addCalendarDays(from, random(900) - 30)]);
    }
    for (const workCalendar of [calendar, unconfirmed]) {
      for (const [from, to] of ranges) expect(countWorkdays(workCalendar, from, to), `${from} → ${to}`).toBe(countDayByDay(workCalendar, from, to));
    }
    expect(countWorkdays(calendar, "2026-03-19", "2026-02-13")).toBe(0);
    expect(countWorkdays(calendar, "2026-03-19", "2026-03-19")).toBe(0);
  });
});
