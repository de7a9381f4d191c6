// The process keeps its working-day calendar while the database's calendar is unchanged, and sees
// every change at once: one made through the app's own mutations, and one written by another
// instance (here: straight SQL, as a second server or the CLI would leave it).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { CALENDAR_FINGERPRINT } from "@/lib/calendar/fingerprint";
import { isWorkday } from "@/lib/calendar/workdays";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { createTestOrganization, createTestUser } from "@/tests/factories";

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

  it("is checked against the fingerprint the session's statement reads, which follows every change", async () => {
    // A page's loadWorkCalendar uses the fingerprint read with the request's session (ADR 0100): it
    // must be the one the calendar itself reads, and change with the calendar.
    const organization = await createTestOrganization();
    const user = await createTestUser({ organizationId: organization.id, role: "CLERK" });
    const now = new Date();
    const sessionId = await db.$transaction((tx) =>
      createSession(tx, { userId: user.id, sessionVersion: user.sessionVersion, now, context: { ip: "192.0.2.10", userAgent: "Vitest/1.0" } }),
    );
    const fingerprint = async () => (await resolveSession(sessionId))!.calendarFingerprint;
    const [own] = await db.$queryRaw<{ fingerprint: string }[]>`SELECT ${CALENDAR_FINGERPRINT} AS "fingerprint"`;
    const before = await fingerprint();
    expect(before).toBe(own!.fingerprint);
    await db.$executeRaw`INSERT INTO "CalendarDay" ("date", "kind", "note", "updatedAt") VALUES (${new Date(`${WEDNESDAY}T00:00:00Z`)}, 'HOLIDAY', '测试', now())`;
    const added = await fingerprint();
    expect(added).not.toBe(before);
    await db.$executeRaw`UPDATE "CalendarDay" SET "kind" = 'WORKDAY' WHERE "date" = ${new Date(`${WEDNESDAY}T00:00:00Z`)}`;
    expect(await fingerprint()).not.toBe(added);
    await db.$executeRaw`DELETE FROM "CalendarDay" WHERE "date" = ${new Date(`${WEDNESDAY}T00:00:00Z`)}`;
    expect(await fingerprint()).toBe(before);
  });
});
