// The process keeps its working-day calendar while the database's calendar is unchanged, and sees
// every change at once: one made through the app's own mutations, and one written by another
// instance (here: straight SQL, as a second server or the CLI would leave it).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { isWorkday } from "@/lib/calendar/workdays";

/** A plain Wednesday far from any holiday, in a year the shipped calendar covers. */
const WEDNESDAY = "2026-06-10";
const SATURDAY = "2026-06-13";

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "CalendarDay" WHERE "date" IN (${new Date(`${WEDNESDAY}T00:00:00Z`)}, ${new Date(`${SATURDAY}T00:00:00Z`)})`;
});

describe("loadWorkCalendar: the process's copy", () => {
  it("returns the same calendar while nothing changed", async () => {
    const first = await loadWorkCalendar();
    expect(await loadWorkCalendar()).toBe(first);
  });

  it("sees a day added, changed and removed by another instance", async () => {
    const before = await loadWorkCalendar();
    expect(isWorkday(before, WEDNESDAY)).toBe(true);
    expect(isWorkday(before, SATURDAY)).toBe(false);

    await db.$executeRaw`INSERT INTO "CalendarDay" ("date", "kind", "note", "updatedAt") VALUES (${new Date(`${WEDNESDAY}T00:00:00Z`)}, 'HOLIDAY', '测试', now())`;
    const added = await loadWorkCalendar();
    expect(added).not.toBe(before);
    expect(isWorkday(added, WEDNESDAY)).toBe(false);

    // Same number of rows, one kind changed (and an updatedAt from a clock behind ours).
    await db.$executeRaw`UPDATE "CalendarDay" SET "kind" = 'WORKDAY', "updatedAt" = now() - interval '1 day' WHERE "date" = ${new Date(`${WEDNESDAY}T00:00:00Z`)}`;
    expect(isWorkday(await loadWorkCalendar(), WEDNESDAY)).toBe(true);

    // One row swapped for another: the count is unchanged.
    await db.$executeRaw`DELETE FROM "CalendarDay" WHERE "date" = ${new Date(`${WEDNESDAY}T00:00:00Z`)}`;
    await db.$executeRaw`INSERT INTO "CalendarDay" ("date", "kind", "note", "updatedAt") VALUES (${new Date(`${SATURDAY}T00:00:00Z`)}, 'WORKDAY', '测试调休', now())`;
    const swapped = await loadWorkCalendar();
    expect(isWorkday(swapped, SATURDAY)).toBe(true);
    expect(isWorkday(swapped, WEDNESDAY)).toBe(true);

    await db.$executeRaw`DELETE FROM "CalendarDay" WHERE "date" = ${new Date(`${SATURDAY}T00:00:00Z`)}`;
    expect(isWorkday(await loadWorkCalendar(), SATURDAY)).toBe(false);
  });
});
