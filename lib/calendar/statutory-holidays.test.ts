// The fixed statutory holidays against the official arrangements we ship (2019–2026, entered from the
// 国务院办公厅 notices): every day the 放假办法 fixes must be a day off in the official calendar of
// that year, so a provisional due date computed from them is never earlier than the official one.
// The 2027 dates were checked by hand against published lunar calendars (春节 6 February 2027).
import { describe, expect, it } from "vitest";
import { shippedCalendar, shippedConfirmedYears } from "@/tests/shipped-calendar";
import { STATUTORY_HOLIDAY_YEARS, statutoryHolidaysOf } from "./statutory-holidays";
import { isWorkday } from "./workdays";

describe("statutoryHolidaysOf", () => {
  it("gives the 2024 revision's 13 days for 2025 and later", () => {
    expect(statutoryHolidaysOf(2027)).toEqual([
      { date: "2027-01-01", name: "元旦" },
      { date: "2027-02-05", name: "春节" },
      { date: "2027-02-06", name: "春节" },
      { date: "2027-02-07", name: "春节" },
      { date: "2027-02-08", name: "春节" },
      { date: "2027-04-05", name: "清明节" },
      { date: "2027-05-01", name: "劳动节" },
      { date: "2027-05-02", name: "劳动节" },
      { date: "2027-06-09", name: "端午节" },
      { date: "2027-09-15", name: "中秋节" },
      { date: "2027-10-01", name: "国庆节" },
      { date: "2027-10-02", name: "国庆节" },
      { date: "2027-10-03", name: "国庆节" },
    ]);
  });

  it("follows the law in force: 11 days 2008–2024 (春节 3 days), 10 days before 2008 (劳动节 3 days, no 清明 端午 中秋)", () => {
    // 2024: 春节 初一–初三 = 10–12 February (2013 revision); 2013: 除夕–初二 = 9–11 February (2007 revision).
    expect(statutoryHolidaysOf(2024).filter((holiday) => holiday.name === "春节").map((holiday) => holiday.date)).toEqual([
      "2024-02-10",
      "2024-02-11",
      "2024-02-12",
    ]);
    expect(statutoryHolidaysOf(2013).filter((holiday) => holiday.name === "春节").map((holiday) => holiday.date)).toEqual([
      "2013-02-09",
      "2013-02-10",
      "2013-02-11",
    ]);
    expect(statutoryHolidaysOf(2024)).toHaveLength(11);
    expect(statutoryHolidaysOf(2005).map((holiday) => holiday.name)).not.toContain("中秋节");
    expect(statutoryHolidaysOf(2005).filter((holiday) => holiday.name === "劳动节")).toHaveLength(3);
  });

  it("lists a day twice where 中秋 falls on 国庆 (2020: 1 October)", () => {
    const october = statutoryHolidaysOf(2020).filter((holiday) => holiday.date === "2020-10-01");
    expect(october.map((holiday) => holiday.name).sort()).toEqual(["中秋节", "国庆节"].sort());
  });

  it("is a day off in every official arrangement we ship (2019–2026)", () => {
    for (const year of shippedConfirmedYears) {
      for (const holiday of statutoryHolidaysOf(year)) {
        expect(isWorkday(shippedCalendar, holiday.date), `${holiday.date} ${holiday.name}`).toBe(false);
      }
    }
  });

  it("covers every year of the calendar (2000–2100) and nothing outside the lunar tables", () => {
    for (let year = 2000; year <= 2100; year += 1) expect(statutoryHolidaysOf(year).length, String(year)).toBeGreaterThanOrEqual(10);
    expect(statutoryHolidaysOf(STATUTORY_HOLIDAY_YEARS.last + 1)).toEqual([]);
  });
});
