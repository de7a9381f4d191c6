// The working-day calendar is national reference data shared by every organization of the
// installation, so reads are not scoped by organization: any signed-in user may see it.
import "server-only";
import { Prisma } from "@prisma/client";
import { db, readRows } from "../db";
import { type Principal } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { parseInput } from "../validation";
import { calendarYearNumberSchema } from "./schemas";
import { createWorkCalendar, provisionalHolidaysBetween, type WorkCalendar } from "./workdays";
import { statutoryHolidaysOf } from "./statutory-holidays";
import { dbDateFromIso, isoDateFromDb } from "./dates";
import { CALENDAR_FINGERPRINT, requestCalendarFingerprint } from "./fingerprint";

/**
 * The calendar of this process, with the fingerprint of the rows it was built from. Kept per process:
 * nearly every page needs the calendar (≈300 rows, and building the WorkCalendar), and it changes a few
 * times a year. ADR 0083.
 */
let cachedCalendar: { fingerprint: string; calendar: WorkCalendar } | null = null;

async function calendarFingerprint(): Promise<string> {
  // Straight to the pool (readRows): it runs before nearly every page (ADR 0095).
  const [row] = await readRows<{ fingerprint: string }>(Prisma.sql`SELECT ${CALENDAR_FINGERPRINT} AS "fingerprint"`);
  return row?.fingerprint ?? "";
}

/**
 * The whole calendar (every override and the confirmed years), for deadline computation. Served from
 * the process's copy while the database's fingerprint is unchanged; rebuilt as soon as it changes.
 */
export async function loadWorkCalendar(): Promise<WorkCalendar> {
  // Read with the request's session when there is one (requestCalendarFingerprint), else on its own.
  const fingerprint = requestCalendarFingerprint().value ?? (await calendarFingerprint());
  if (cachedCalendar?.fingerprint === fingerprint) return cachedCalendar.calendar;
  const [days, confirmedYears] = await Promise.all([
    db.calendarDay.findMany({ select: { date: true, kind: true } }),
    db.calendarYear.findMany({ where: { confirmed: true }, select: { year: true } }),
  ]);
  const calendar = createWorkCalendar(
    days.map((day) => ({ date: isoDateFromDb(day.date), kind: day.kind })),
    confirmedYears.map((row) => row.year),
    statutoryHolidaysOf,
  );
  // Read before the rows: should a change fall in between, the next call sees a new fingerprint and
  // rebuilds (never the other way round: a stale calendar under a new fingerprint).
  cachedCalendar = { fingerprint, calendar };
  return calendar;
}

/** One year's overrides and arrangement status, plus every year that has a status row (for a picker). */
export async function getCalendarYear({ actor, year }: { actor: Principal; year: number }) {
  assertCan(actor, "calendar:read");
  const checkedYear = parseInput(calendarYearNumberSchema, year);
  const [days, arrangement, knownYears] = await Promise.all([
    db.calendarDay.findMany({
      where: { date: { gte: dbDateFromIso(`${checkedYear}-01-01`), lte: dbDateFromIso(`${checkedYear}-12-31`) } },
      select: { date: true, kind: true, note: true },
      orderBy: { date: "asc" },
    }),
    db.calendarYear.findUnique({ where: { year: checkedYear }, select: { confirmed: true, source: true, updatedAt: true } }),
    db.calendarYear.findMany({ select: { year: true, confirmed: true }, orderBy: { year: "asc" } }),
  ]);
  const overrides = days.map((day) => ({ date: isoDateFromDb(day.date), kind: day.kind, note: day.note }));
  const yearCalendar = createWorkCalendar(overrides, arrangement?.confirmed ? [checkedYear] : [], statutoryHolidaysOf);
  return {
    year: checkedYear,
    days: overrides,
    /** Unconfirmed year: the 放假办法's weekday holidays with no entered date, counted as days off (rules.md §4). */
    provisionalHolidays: provisionalHolidaysBetween(yearCalendar, checkedYear, checkedYear),
    arrangement,
    knownYears,
  };
}

/** Every recorded change to a year's calendar (days and the year's status), newest first, with who and when. */
export async function findCalendarChanges({ actor, year }: { actor: Principal; year: number }) {
  assertCan(actor, "calendar:read");
  const checkedYear = parseInput(calendarYearNumberSchema, year);
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "CalendarDay", entityId: { startsWith: `${checkedYear}-` } },
        { entityType: "CalendarYear", entityId: String(checkedYear) },
      ],
    },
    select: { id: true, action: true, entityId: true, before: true, after: true, createdAt: true, actor: { select: { displayName: true, role: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return events;
}

export type CalendarChange = Awaited<ReturnType<typeof findCalendarChanges>>[number];
