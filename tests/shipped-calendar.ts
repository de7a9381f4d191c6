// The working-day calendar exactly as the migrations ship it (parsed from the seed migration's SQL),
// for pure unit tests that must not need a database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createWorkCalendar, type CalendarDayKind, type WorkCalendar } from "../lib/calendar/workdays";
import { statutoryHolidaysOf } from "../lib/calendar/statutory-holidays";

const migrationSql = readFileSync(
  path.resolve(import.meta.dirname, "../prisma/migrations/20261121000100_calendar_2019_2026/migration.sql"),
  "utf8",
);

export const shippedDays = [...migrationSql.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(HOLIDAY|WORKDAY)', '([^']*)'/g)].map(
  ([, date, kind, note]) => ({ date: date!, kind: kind as CalendarDayKind, note: note! }),
);

export const shippedConfirmedYears = [...migrationSql.matchAll(/INSERT INTO "CalendarYear"[^;]*VALUES \((\d{4}), true/g)].map(
  ([, year]) => Number(year),
);

/** With the 放假办法's provisional holidays in the unconfirmed years, as lib/calendar/queries.ts loads it. */
export const shippedCalendar: WorkCalendar = createWorkCalendar(shippedDays, shippedConfirmedYears, statutoryHolidaysOf);
