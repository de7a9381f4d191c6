import { describe, expect, it } from "vitest";
import { cellKindOf, chineseDate, dbDateFromIso, isoDateFromDb, summarizeCalendarYear } from "./dates";

describe("date conversions", () => {
  it("round-trips a @db.Date column through UTC midnight", () => {
    expect(dbDateFromIso("2026-02-13").toISOString()).toBe("2026-02-13T00:00:00.000Z");
    expect(isoDateFromDb(dbDateFromIso("2026-12-31"))).toBe("2026-12-31");
  });

  it("writes a date the Chinese way, without leading zeros", () => {
    expect(chineseDate("2026-03-02")).toBe("2026年3月2日");
    expect(chineseDate(null)).toBe("");
  });
});

describe("the calendar grid", () => {
  it("shows an override before the weekday rule", () => {
    expect(cellKindOf("2026-10-01", "HOLIDAY")).toBe("holiday");
    expect(cellKindOf("2026-09-27", "WORKDAY")).toBe("makeup-workday");
    expect(cellKindOf("2026-09-26", undefined)).toBe("rest");
    expect(cellKindOf("2026-09-28", undefined, true)).toBe("provisional-holiday");
    expect(cellKindOf("2026-09-28", undefined)).toBe("workday");
  });

  it("counts a year without overrides as its weekdays", () => {
    const totals = summarizeCalendarYear(2025, []);
    expect(totals.workingDays).toBe(261);
    expect(totals.rest).toBe(104);
  });
});
