import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, addWorkdays, countWorkdays, createWorkCalendar } from "../calendar/workdays";
import { statutoryHolidaysOf } from "../calendar/statutory-holidays";
import {
  hasReplyPeriod,
  lastDueSoonDate,
  netWorkdaysToClose,
  percentage,
  percentileCont,
  percentileContOfCounts,
  workdayOrdinal,
  workdayOrdinalCorrections,
  workdaysUntil,
} from "./metrics";

// 2026: 国庆 1–8 October off, Sunday 27 September and Saturday 10 October worked.
const days2026 = [
  ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08"].map((date) => ({ date, kind: "HOLIDAY" as const })),
  { date: "2026-09-27", kind: "WORKDAY" as const },
  { date: "2026-10-10", kind: "WORKDAY" as const },
];
// Other years are unconfirmed: their statutory holidays are provisional days off (rules.md §4).
const calendar = createWorkCalendar(days2026, [2026], statutoryHolidaysOf);
const everyYearConfirmed = createWorkCalendar(days2026, Array.from({ length: 101 }, (_, index) => 2000 + index), statutoryHolidaysOf);

describe("workdaysUntil", () => {
  it("counts working days ahead, 0 for today and negative once past", () => {
    expect(workdaysUntil(calendar, "2026-11-20", "2026-11-20")).toBe(0);
    expect(workdaysUntil(calendar, "2026-11-20", "2026-11-25")).toBe(3);
    expect(workdaysUntil(calendar, "2026-11-20", "2026-11-18")).toBe(-2);
    expect(workdaysUntil(calendar, "2026-09-30", "2026-10-09")).toBe(1);
  });
});

describe("lastDueSoonDate", () => {
  it("is the last date with at most five working days left", () => {
    // Friday 20 November: the 5th working day is Friday 27, the 6th Monday 30.
    expect(lastDueSoonDate(calendar, "2026-11-20")).toBe("2026-11-29");
    expect(workdaysUntil(calendar, "2026-11-20", "2026-11-27")).toBe(5);
    expect(workdaysUntil(calendar, "2026-11-20", "2026-11-30")).toBe(6);
  });
});

describe("netWorkdaysToClose", () => {
  const base = { extensionWorkdays: null, correctionRequestedOn: null, correctionReceivedOn: null };

  it("equals the working days from receipt to closing when nothing stopped the clock", () => {
    const received = "2026-09-21";
    const dueOn = addWorkdays(calendar, received, 20);
    for (const used of [0, 1, 7, 20, 26]) {
      const closedOn = addWorkdays(calendar, received, used);
      expect(netWorkdaysToClose(calendar, { ...base, dueOn, closedOn })).toBe(countWorkdays(calendar, received, closedOn));
    }
  });

  it("leaves out the working days the clock stood still, and counts the extension as allowance, not as time used", () => {
    const received = "2026-09-21";
    // Five working days of consultation and a 10-day extension: the due date is the 35th working day.
    const dueOn = addWorkdays(calendar, received, 35);
    const closedOn = addWorkdays(calendar, received, 30);
    expect(netWorkdaysToClose(calendar, { ...base, extensionWorkdays: 10, dueOn, closedOn })).toBe(25);
  });

  it("counts the days after the due date when closed late", () => {
    const dueOn = addWorkdays(calendar, "2026-09-21", 20);
    expect(netWorkdaysToClose(calendar, { ...base, dueOn, closedOn: addWorkdays(calendar, dueOn, 3) })).toBe(23);
  });
});

describe("hasReplyPeriod", () => {
  const closing = { dueOn: "2026-10-20", closedOn: "2026-10-15", extensionWorkdays: null, correctionRequestedOn: null, correctionReceivedOn: null };
  it("keeps cases with a due date, except those closed while waiting for 补正", () => {
    expect(hasReplyPeriod(closing)).toBe(true);
    expect(hasReplyPeriod({ ...closing, dueOn: null })).toBe(false);
    expect(hasReplyPeriod({ ...closing, correctionRequestedOn: "2026-09-23" })).toBe(false);
    expect(hasReplyPeriod({ ...closing, correctionRequestedOn: "2026-09-23", correctionReceivedOn: "2026-09-28" })).toBe(true);
  });
});

describe("percentileCont", () => {
  it("interpolates between the closest ranks, as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([3, 1, 2], 0.5)).toBe(2);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([12, 23, 25, 17, 8, 10, 19], 0.9)).toBeCloseTo(23.8, 10);
  });
});

describe("percentage", () => {
  it("rounds to one decimal and is null for nothing counted", () => {
    expect(percentage(6, 7)).toBe(85.7);
    expect(percentage(0, 0)).toBeNull();
    expect(percentage(3, 3)).toBe(100);
  });
});

describe("workdayOrdinal", () => {
  const corrections = workdayOrdinalCorrections(calendar);

  it("keeps only the overrides that change the count, with their running correction", () => {
    // The six weekday holidays count −1 each; the two weekend make-up days +1 each.
    const confirmed = workdayOrdinalCorrections(everyYearConfirmed);
    expect(confirmed.dates).toEqual(["2026-09-27", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-10"]);
    expect(confirmed.cumulative).toEqual([0, 1, 0, -1, -2, -3, -4, -5, -4]);
  });

  it("adds the provisional weekday holidays of unconfirmed years, −1 each", () => {
    // 2027: 元旦 Fri 1 Jan, 除夕 Fri 5 Feb, 初三 Mon 8 Feb (初一 and 初二 are a weekend).
    const dates2027 = corrections.dates.filter((date) => date.startsWith("2027-0"));
    expect(dates2027.slice(0, 3)).toEqual(["2027-01-01", "2027-02-05", "2027-02-08"]);
    const at = (date: string) => corrections.cumulative[corrections.dates.indexOf(date) + 1]!;
    expect(at("2027-01-01") - at("2026-10-10")).toBe(-1);
    expect(at("2027-02-08") - at("2027-01-01")).toBe(-2);
  });

  it("differences count working days exactly as countWorkdays does", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((offset) => addCalendarDays("2026-01-01", offset));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(workdayOrdinal(corrections, to) - workdayOrdinal(corrections, from)).toBe(countWorkdays(calendar, from, to));
      }),
      { numRuns: 500 },
    );
  });
});

describe("percentileContOfCounts", () => {
  it("gives percentileCont of the values the histogram stands for", () => {
    expect(percentileContOfCounts([], 0.5)).toBeNull();
    expect(percentileContOfCounts([{ value: 4, count: 0 }], 0.5)).toBeNull();
    const histograms = [
      [{ value: 7, count: 1 }],
      [{ value: 3, count: 2 }, { value: 1, count: 1 }],
      [{ value: 20, count: 5 }, { value: 12, count: 3 }, { value: 31, count: 1 }, { value: -2, count: 4 }],
      [{ value: 16, count: 1000 }, { value: 17, count: 1 }],
    ];
    for (const histogram of histograms) {
      const values = histogram.flatMap((bin) => Array.from({ length: bin.count }, () => bin.value));
      for (const fraction of [0, 0.1, 0.5, 0.9, 0.999, 1]) {
        expect(percentileContOfCounts(histogram, fraction)).toBeCloseTo(percentileCont(values, fraction)!, 9);
      }
    }
  });
});
