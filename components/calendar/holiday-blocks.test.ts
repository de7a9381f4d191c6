import { describe, expect, it } from "vitest";
import { holidayBlockNote } from "./holiday-blocks";

// 春节 2026 as the official arrangement lists it: weekdays off 2-16 to 2-20 and 2-23, make-up 2-14 and 2-28.
const holidays = new Set(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]);
const makeup = new Set(["2026-02-14", "2026-02-28"]);
const days = {
  holidayNote: (date: string) => (holidays.has(date) ? "春节" : undefined),
  isMakeupWorkday: (date: string) => makeup.has(date),
};

describe("holidayBlockNote", () => {
  it("takes the weekend days inside the block into it", () => {
    expect(holidayBlockNote("2026-02-15", days)).toBe("春节");
    expect(holidayBlockNote("2026-02-21", days)).toBe("春节");
    expect(holidayBlockNote("2026-02-22", days)).toBe("春节");
  });

  it("leaves ordinary weekends, make-up days and weekends cut off by a working day alone", () => {
    expect(holidayBlockNote("2026-02-14", days)).toBeNull();
    expect(holidayBlockNote("2026-03-01", days)).toBeNull();
    expect(holidayBlockNote("2026-02-07", days)).toBeNull();
    expect(holidayBlockNote("2026-02-16", days)).toBeNull();
  });
});
