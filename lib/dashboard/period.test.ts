import { describe, expect, it } from "vitest";
import { dashboardHref, parseDashboardPeriod } from "./period";

describe("parseDashboardPeriod", () => {
  it("reads this month with one bucket per day", () => {
    const period = parseDashboardPeriod("month", "2028-02-10");
    expect(period).toMatchObject({ kind: "month", param: "month", label: "2028年2月", from: "2028-02-01", to: "2028-02-29", bucketUnit: "day" });
    expect(period.buckets).toHaveLength(29);
    expect(period.buckets[0]).toEqual({ key: "2028-02-01", label: "1", from: "2028-02-01", to: "2028-02-01" });
  });

  it("reads this year (the default) and a chosen year with one bucket per month", () => {
    for (const value of ["year", undefined, "", "lately", "2031", "1999", ["year", "2020"]]) {
      expect(parseDashboardPeriod(value, "2026-11-20")).toMatchObject({ kind: "year", param: "year", from: "2026-01-01", to: "2026-12-31" });
    }
    const chosen = parseDashboardPeriod("2024", "2026-11-20");
    expect(chosen).toMatchObject({ kind: "chosenYear", param: "2024", label: "2024年", bucketUnit: "month" });
    expect(chosen.buckets.map((bucket) => bucket.to)).toContain("2024-02-29");
    expect(chosen.buckets).toHaveLength(12);
    expect(parseDashboardPeriod("2026", "2026-11-20").kind).toBe("year");
  });

  it("links to the dashboard without a parameter for the default", () => {
    expect(dashboardHref("year")).toBe("/dashboard");
    expect(dashboardHref("month")).toBe("/dashboard?period=month");
    expect(dashboardHref("2024")).toBe("/dashboard?period=2024");
  });
});
