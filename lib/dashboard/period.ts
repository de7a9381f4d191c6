// The dashboard's period as it lives in the URL (`?period=month`, `?period=year`, `?period=2024`) and
// the buckets of its intake/closing chart (the 12 months of a year, or the days of a month). Pure:
// `today` is passed in. Parsing never fails: anything unknown shows this year.
import { addCalendarDays, type IsoDate } from "../calendar/workdays";

export const DASHBOARD_PATH = "/dashboard";

/** The oldest year a chosen-year link may ask for (the calendar and the 2019 条例 revision start later). */
export const FIRST_DASHBOARD_YEAR = 2008;

export type DashboardPeriodKind = "month" | "year" | "chosenYear";

export interface PeriodBucket {
  /** "2026-03" for a month, "2026-03-09" for a day. */
  key: string;
  /** Short axis label: "3月" or "9". */
  label: string;
  from: IsoDate;
  to: IsoDate;
}

export interface DashboardPeriod {
  kind: DashboardPeriodKind;
  /** The URL value: "month", "year" or the year's digits. */
  param: string;
  /** "2026年11月" / "2026年". */
  label: string;
  year: number;
  from: IsoDate;
  to: IsoDate;
  /** How the chart buckets the period: by month (a year) or by day (a month). */
  bucketUnit: "month" | "day";
  buckets: PeriodBucket[];
}

const pad = (value: number) => String(value).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthBuckets(year: number): PeriodBucket[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return {
      key: `${year}-${pad(month)}`,
      label: `${month}月`,
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    };
  });
}

function dayBuckets(year: number, month: number): PeriodBucket[] {
  const first: IsoDate = `${year}-${pad(month)}-01`;
  return Array.from({ length: daysInMonth(year, month) }, (_, index) => {
    const day = addCalendarDays(first, index);
    return { key: day, label: String(index + 1), from: day, to: day };
  });
}

function yearPeriod(year: number, kind: "year" | "chosenYear"): DashboardPeriod {
  return {
    kind,
    param: kind === "year" ? "year" : String(year),
    label: `${year}年`,
    year,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    bucketUnit: "month",
    buckets: monthBuckets(year),
  };
}

/** This month, this year or a chosen year (from FIRST_DASHBOARD_YEAR to this year); default this year. */
export function parseDashboardPeriod(value: string | string[] | undefined, today: IsoDate): DashboardPeriod {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  const thisYear = Number(today.slice(0, 4));
  if (raw === "month") {
    const month = Number(today.slice(5, 7));
    return {
      kind: "month",
      param: "month",
      label: `${thisYear}年${month}月`,
      year: thisYear,
      from: `${thisYear}-${pad(month)}-01`,
      to: `${thisYear}-${pad(month)}-${pad(daysInMonth(thisYear, month))}`,
      bucketUnit: "day",
      buckets: dayBuckets(thisYear, month),
    };
  }
  if (/^\d{4}$/.test(raw)) {
    const year = Number(raw);
    if (year === thisYear) return yearPeriod(year, "year");
    if (year >= FIRST_DASHBOARD_YEAR && year < thisYear) return yearPeriod(year, "chosenYear");
  }
  return yearPeriod(thisYear, "year");
}

/** The dashboard's URL for a period ("/dashboard" for this year, the default). */
export function dashboardHref(periodParam: string): string {
  return periodParam === "year" ? DASHBOARD_PATH : `${DASHBOARD_PATH}?period=${encodeURIComponent(periodParam)}`;
}
