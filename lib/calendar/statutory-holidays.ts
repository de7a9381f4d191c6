// The fixed statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01, and
// the earlier revisions for earlier years): the days off that every year's arrangement contains,
// whatever its 调休. Until a year's official arrangement is published and confirmed, these count as
// provisional non-working days (rules.md §4), so that a provisional due date is never earlier than the
// law allows. Lunar dates (春节, 端午, 中秋)
// and the solar term 清明 come from the `chinese-days` package. Pure and deterministic: results are
// memoised per year. Server only (the lunar tables stay out of the browser): lib/calendar/queries.ts
// passes statutoryHolidaysOf to createWorkCalendar.
import chineseDays from "chinese-days";

/** YYYY-MM-DD (the type lib/calendar/workdays.ts calls IsoDate; this module is below it). */
type IsoDate = string;

export interface StatutoryHoliday {
  date: IsoDate;
  /** The festival, e.g. 春节. */
  name: string;
}

/** The years for which the lunar tables of `chinese-days` hold data. */
export const STATUTORY_HOLIDAY_YEARS = { first: 1901, last: 2100 } as const;

const cache = new Map<number, readonly StatutoryHoliday[]>();

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function checked(date: string, what: string): IsoDate {
  if (!ISO_DATE.test(date)) throw new RangeError(`chinese-days 未给出${what}的日期：${date}`);
  return date;
}

function lunarToSolar(year: number, month: number, day: number): IsoDate {
  return checked(chineseDays.getSolarDateFromLunar(isoDate(year, month, day)).date, `农历 ${year} 年 ${month} 月 ${day} 日`);
}

function run(start: IsoDate, days: number, name: string): StatutoryHoliday[] {
  return Array.from({ length: days }, (_, index) => ({ date: shift(start, index), name }));
}

/**
 * The 放假办法 in force for a year: 1999 (国务院令第270号), 2007 (第513号, from 2008), 2013 (第644号,
 * from 2014) and 2024 (第795号, from 2025). Each lists 春节 as days counted from 正月初一 (−1 = 除夕).
 */
interface HolidayLaw {
  springFestival: { fromLunarNewYear: number; days: number };
  labourDays: number;
  /** 清明、端午、中秋 became holidays in 2008. */
  traditionalFestivals: boolean;
}

function holidayLawOf(year: number): HolidayLaw {
  if (year >= 2025) return { springFestival: { fromLunarNewYear: -1, days: 4 }, labourDays: 2, traditionalFestivals: true };
  if (year >= 2014) return { springFestival: { fromLunarNewYear: 0, days: 3 }, labourDays: 1, traditionalFestivals: true };
  if (year >= 2008) return { springFestival: { fromLunarNewYear: -1, days: 3 }, labourDays: 1, traditionalFestivals: true };
  return { springFestival: { fromLunarNewYear: 0, days: 3 }, labourDays: 3, traditionalFestivals: false };
}

function shift(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The statutory days off of `year`, in date order, under the law in force that year. From 2025 (2024
 * revision): 元旦 1 day, 春节 4 days from 除夕, 清明 1 (the day of the solar term), 劳动节 2 from 1 May,
 * 端午 1 (五月初五), 中秋 1 (八月十五), 国庆 3 from 1 October. Empty outside the years the lunar tables cover.
 * Where two festivals fall on one day (中秋 on 1 October), the day appears once for each.
 */
export function statutoryHolidaysOf(year: number): readonly StatutoryHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  if (!Number.isInteger(year) || year < STATUTORY_HOLIDAY_YEARS.first || year > STATUTORY_HOLIDAY_YEARS.last) return [];
  const law = holidayLawOf(year);
  const lunarNewYear = lunarToSolar(year, 1, 1);
  const holidays = [
    ...run(isoDate(year, 1, 1), 1, "元旦"),
    ...run(shift(lunarNewYear, law.springFestival.fromLunarNewYear), law.springFestival.days, "春节"),
    ...run(isoDate(year, 5, 1), law.labourDays, "劳动节"),
    ...run(isoDate(year, 10, 1), 3, "国庆节"),
    ...(law.traditionalFestivals
      ? [
          ...run(checked(chineseDays.getSolarTermDate(year, 4, "pure_brightness"), `${year} 年清明`), 1, "清明节"),
          ...run(lunarToSolar(year, 5, 5), 1, "端午节"),
          ...run(lunarToSolar(year, 8, 15), 1, "中秋节"),
        ]
      : []),
  ].toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, holidays);
  return holidays;
}
