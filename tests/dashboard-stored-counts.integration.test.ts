// The stored counts behind the manager dashboard (ReceivedCasesByMonth, ClosedCasesByMonth and
// ClosedCasesByDates, kept by triggers on "Application": ADR 0097) against the cases themselves, on
// generated cases changed in every way a case changes: inserted one by one and many in one statement,
// closed, reassigned, voided and restored, moved to another month or year, given another due date,
// deleted, and changed in a transaction that rolls back.
//
// Three checks after each change: the tables hold exactly what a GROUP BY over the cases gives (every
// organization); the year dashboard read from them equals the same dashboard counted from the cases
// (the period with day buckets, which reads the cases; its series compared month by month); and its
// working days to close equal the pure definition (metrics.ts) over the year's cases.
import type { ApplicantType, Channel, Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { addCalendarDays, type IsoDate, type WorkCalendar } from "@/lib/calendar/workdays";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, OUTCOMES } from "@/lib/cases/labels";
import { getManagerDashboard, type ManagerDashboard } from "@/lib/dashboard/queries";
import { hasReplyPeriod, netWorkdaysToClose, percentileCont } from "@/lib/dashboard/metrics";
import { parseDashboardPeriod, type DashboardPeriod } from "@/lib/dashboard/period";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-12-31";
const YEARS = ["2025", "2026"] as const;
const APPLICANT_TYPES = Object.keys(APPLICANT_TYPE_LABELS) as ApplicantType[];
const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

const date = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function randomOf(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (count: number) => Math.floor(next() * count);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  return { next, below, pick };
}

let calendar: WorkCalendar;
let manager: Actor;
let organizationId: string;
let handlers: Array<string | null>;
let sequence = 0;

/** One generated case: received 2024-12 … 2026-12, about 70 % closed (some into the next month or year). */
function generatedCase(random: ReturnType<typeof randomOf>, organization: string): Prisma.ApplicationCreateManyInput {
  sequence += 1;
  const receivedOn = addCalendarDays("2024-12-01", random.below(760));
  const closed = random.next() < 0.7;
  const closedOn = closed ? addCalendarDays(receivedOn, 1 + random.below(60)) : null;
  const correction = random.below(10);
  const correctionRequestedOn = correction < 2 ? addCalendarDays(receivedOn, 3) : null;
  const correctionReceivedOn = correction === 0 ? addCalendarDays(receivedOn, 8) : null;
  const dueOn = random.next() < 0.1 ? null : addCalendarDays(receivedOn, 20 + random.below(30));
  return {
    organizationId: organization,
    caseNumber: `M-${sequence}`,
    caseYear: Number(receivedOn.slice(0, 4)),
    caseSequence: sequence,
    receivedOn: date(receivedOn),
    channel: random.pick(CHANNELS),
    applicantType: random.pick(APPLICANT_TYPES),
    applicantName: "张伟",
    requestContent: "申请公开年度预算",
    handlerId: random.pick(handlers),
    status: closedOn ? "CLOSED" : "OPEN",
    clockPhase: closedOn ? "CLOSED" : "RUNNING",
    dueOn: dueOn ? date(dueOn) : null,
    correctionRequestedOn: correctionRequestedOn ? date(correctionRequestedOn) : null,
    correctionReceivedOn: correctionReceivedOn ? date(correctionReceivedOn) : null,
    extensionWorkdays: random.next() < 0.1 ? 10 : null,
    closedOn: closedOn ? date(closedOn) : null,
    // A few closed cases without an outcome: they count as closed, under no outcome.
    outcome: closedOn ? (random.next() < 0.03 ? null : random.pick(OUTCOMES)) : null,
    voidedAt: random.next() < 0.05 ? new Date() : null,
  };
}

interface CountRow {
  organizationId: string;
  month: string;
  key1: string | null;
  key2: string | null;
  cases: number;
  onTime: number;
  late: number;
}

const countOrder = (a: CountRow, b: CountRow) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The tables' non-zero rows, and the same counts computed from the cases: they must be equal. */
async function storedCountsAndTheirDefinition(): Promise<{ stored: CountRow[]; fromCases: CountRow[] }> {
  const stored = await db.$queryRaw<CountRow[]>`
    SELECT "organizationId", to_char("month", 'YYYY-MM-DD') AS "month", "applicantType"::text AS "key1", "channel"::text AS "key2",
           "cases", 0 AS "onTime", 0 AS "late"
    FROM "ReceivedCasesByMonth" WHERE "cases" <> 0
    UNION ALL
    SELECT "organizationId", to_char("month", 'YYYY-MM-DD'), "outcome"::text, "handlerId", "cases", "onTime", "late"
    FROM "ClosedCasesByMonth" WHERE "cases" <> 0 OR "onTime" <> 0 OR "late" <> 0
    UNION ALL
    SELECT "organizationId", to_char("closedOn", 'YYYY-MM-DD'), to_char("dueOn", 'YYYY-MM-DD'), "extensionWorkdays"::text, "cases", 0, 0
    FROM "ClosedCasesByDates" WHERE "cases" <> 0`;
  const fromCases = await db.$queryRaw<CountRow[]>`
    SELECT "organizationId", to_char(date_trunc('month', "receivedOn"), 'YYYY-MM-DD') AS "month", "applicantType"::text AS "key1",
           "channel"::text AS "key2", count(*)::int AS "cases", 0 AS "onTime", 0 AS "late"
    FROM "Application" WHERE "voidedAt" IS NULL
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT "organizationId", to_char(date_trunc('month', "closedOn"), 'YYYY-MM-DD'), "outcome"::text, "handlerId", count(*)::int,
           count(*) FILTER (WHERE "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL) AND "closedOn" <= "dueOn")::int,
           count(*) FILTER (WHERE "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL) AND "closedOn" > "dueOn")::int
    FROM "Application" WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT "organizationId", to_char("closedOn", 'YYYY-MM-DD'), to_char("dueOn", 'YYYY-MM-DD'), COALESCE("extensionWorkdays", 0)::text, count(*)::int, 0, 0
    FROM "Application"
    WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
    GROUP BY 1, 2, 3, 4`;
  return { stored: stored.sort(countOrder), fromCases: fromCases.sort(countOrder) };
}

/** The same period counted from the cases: day buckets make getManagerDashboard read the cases. */
function countedFromCases(period: DashboardPeriod, from = period.from, to = period.to): DashboardPeriod {
  return { ...period, from, to, bucketUnit: "day", buckets: [] };
}

const dashboard = (period: DashboardPeriod): Promise<ManagerDashboard> => getManagerDashboard({ actor: manager, period, today: TODAY, calendar });

const isoOrNull = (value: Date | null) => (value ? (value.toISOString().slice(0, 10) as IsoDate) : null);

/** The timing columns of the year's closed cases of the organization, voided ones left out. */
async function closingTimingsOf(year: string) {
  const rows = await db.application.findMany({
    where: { organizationId, voidedAt: null, closedOn: { gte: date(`${year}-01-01`), lte: date(`${year}-12-31`) } },
    select: { dueOn: true, closedOn: true, extensionWorkdays: true, correctionRequestedOn: true, correctionReceivedOn: true },
  });
  return rows.map((row) => ({
    dueOn: isoOrNull(row.dueOn),
    closedOn: isoOrNull(row.closedOn)!,
    extensionWorkdays: row.extensionWorkdays,
    correctionRequestedOn: isoOrNull(row.correctionRequestedOn),
    correctionReceivedOn: isoOrNull(row.correctionReceivedOn),
  }));
}

/** The three checks, for both years. */
async function expectCountsInStepWithTheCases(): Promise<void> {
  const { stored, fromCases } = await storedCountsAndTheirDefinition();
  expect(stored).toEqual(fromCases);
  for (const year of YEARS) {
    const period = parseDashboardPeriod(year, TODAY);
    expect(period.bucketUnit).toBe("month");
    const fromMonthlyCounts = await dashboard(period);
    const fromTheCases = await dashboard(countedFromCases(period));
    const { period: _periodA, series, ...figures } = fromMonthlyCounts;
    const { period: _periodB, series: noSeries, ...figuresFromCases } = fromTheCases;
    expect(noSeries).toEqual([]);
    expect(figures).toEqual(figuresFromCases);
    expect(figures.received.count).toBeGreaterThan(0);
    expect(figures.closed.count).toBeGreaterThan(0);
    const net = (await closingTimingsOf(year)).filter(hasReplyPeriod).map((timing) => netWorkdaysToClose(calendar, timing));
    expect(net.length).toBeGreaterThan(50);
    expect(figures.workdaysToClose.cases).toBe(net.length);
    expect(figures.workdaysToClose.median).toBeCloseTo(percentileCont(net, 0.5)!, 6);
    expect(figures.workdaysToClose.p90).toBeCloseTo(percentileCont(net, 0.9)!, 6);
    for (const bucket of series) {
      const month = await dashboard(countedFromCases(period, bucket.from, bucket.to));
      expect({ month: bucket.key, received: bucket.received, closed: bucket.closed }).toEqual({
        month: bucket.key,
        received: { ...month.received },
        closed: { ...month.closed },
      });
    }
  }
}

beforeAll(async () => {
  calendar = await loadWorkCalendar();
  const organization = await createTestOrganization("己区司法局");
  const other = await createTestOrganization("庚区司法局");
  organizationId = organization.id;
  manager = actorFor(await createTestUser({ organizationId, role: "MANAGER", displayName: "统计负责人" }));
  const clerks = await Promise.all(["孙一", "李二", "周三"].map((displayName) => createTestUser({ organizationId, role: "CLERK", displayName })));
  handlers = [...clerks.map((clerk) => clerk.id), null];
  const random = randomOf(20261215);
  // Many cases in one statement (the trigger sees them all at once), a few one by one, and another
  // organization's, which must stay out of this one's counts.
  await db.application.createMany({ data: Array.from({ length: 400 }, () => generatedCase(random, organizationId)) });
  for (let index = 0; index < 20; index += 1) await db.application.create({ data: generatedCase(random, organizationId) as Prisma.ApplicationUncheckedCreateInput });
  const otherClerk = await createTestUser({ organizationId: other.id, role: "CLERK" });
  const otherHandlers = handlers;
  handlers = [otherClerk.id, null];
  await db.application.createMany({ data: Array.from({ length: 50 }, () => generatedCase(random, other.id)) });
  handlers = otherHandlers;
}, 60_000);

async function casesOf(where: Prisma.ApplicationWhereInput, take: number) {
  return db.application.findMany({ where: { organizationId, ...where }, orderBy: { caseSequence: "asc" }, take, select: { id: true, receivedOn: true } });
}

describe("the stored counts behind the dashboard", () => {
  it("hold what the cases give after they are inserted, one by one and many at once", async () => {
    await expectCountsInStepWithTheCases();
  }, 60_000);

  it("follow closings, reassignments, new due dates and a move to another month or year", async () => {
    // Close open cases, many in one statement, some into the next year.
    const open = await casesOf({ status: "OPEN", voidedAt: null, receivedOn: { lt: date("2026-12-01") } }, 40);
    await db.application.updateMany({
      where: { id: { in: open.map((item) => item.id) } },
      data: { status: "CLOSED", clockPhase: "CLOSED", closedOn: date("2026-01-05"), outcome: "GRANTED" },
    });
    // Reassign closed cases (one statement), and one to nobody.
    const closed = await casesOf({ status: "CLOSED", voidedAt: null }, 30);
    await db.application.updateMany({ where: { id: { in: closed.slice(0, 29).map((item) => item.id) } }, data: { handlerId: handlers[1] } });
    await db.application.update({ where: { id: closed[29]!.id }, data: { handlerId: null } });
    // New due dates that turn on-time closings late and back.
    const timed = await casesOf({ status: "CLOSED", voidedAt: null, dueOn: { not: null } }, 60);
    for (const item of timed.slice(30, 40)) await db.application.update({ where: { id: item.id }, data: { dueOn: item.receivedOn } });
    await db.application.updateMany({ where: { id: { in: timed.slice(40, 60).map((item) => item.id) } }, data: { dueOn: date("2027-06-30") } });
    // Another outcome; a receipt moved from one year to the other; a 补正 received (the case gets a reply period).
    await db.application.update({ where: { id: closed[0]!.id }, data: { outcome: "WITHHELD_STATE_SECRET" } });
    const late2025 = await casesOf({ receivedOn: { gte: date("2025-12-01"), lt: date("2026-01-01") } }, 3);
    for (const item of late2025) await db.application.update({ where: { id: item.id }, data: { receivedOn: date("2026-01-02"), channel: "FAX" } });
    await db.application.updateMany({ where: { organizationId, correctionRequestedOn: { not: null }, correctionReceivedOn: null }, data: { correctionReceivedOn: date("2026-02-01") } });
    // Another applicant type; an extension recorded on closed cases (it changes their working days).
    const retyped = await casesOf({ voidedAt: null, applicantType: "NATURAL_PERSON" }, 6);
    await db.application.updateMany({ where: { id: { in: retyped.map((item) => item.id) } }, data: { applicantType: "LEGAL_SERVICE_ORG" } });
    await db.application.updateMany({ where: { id: { in: timed.slice(0, 8).map((item) => item.id) } }, data: { extensionWorkdays: 10 } });
    // Reopened: no longer closed.
    const reopened = await casesOf({ status: "CLOSED", voidedAt: null, closedOn: { gte: date("2026-03-01") } }, 5);
    await db.application.updateMany({ where: { id: { in: reopened.map((item) => item.id) } }, data: { status: "OPEN", clockPhase: "RUNNING", closedOn: null, outcome: null } });
    await expectCountsInStepWithTheCases();
  }, 60_000);

  it("follow voiding, restoring and deleting, and an update of every case that changes nothing counted", async () => {
    const counted = await casesOf({ voidedAt: null }, 50);
    await db.application.updateMany({ where: { id: { in: counted.slice(0, 20).map((item) => item.id) } }, data: { voidedAt: new Date(), voidReason: "重复登记" } });
    const voided = await casesOf({ voidedAt: { not: null } }, 10);
    for (const item of voided.slice(0, 5)) await db.application.update({ where: { id: item.id }, data: { voidedAt: null, voidReason: null } });
    await db.application.deleteMany({ where: { id: { in: [...counted.slice(20, 30), ...voided.slice(5, 7)].map((item) => item.id) } } });
    await db.$executeRaw`UPDATE "Application" SET "requestContent" = "requestContent" || '。' WHERE "organizationId" = ${organizationId}`;
    await expectCountsInStepWithTheCases();
  }, 60_000);

  it("are left as they were when the change of the cases rolls back", async () => {
    const before = await storedCountsAndTheirDefinition();
    const failure = new Error("回滚");
    await expect(
      db.$transaction(async (tx) => {
        await tx.application.updateMany({ where: { organizationId }, data: { voidedAt: new Date() } });
        await tx.application.createMany({ data: [generatedCase(randomOf(7), organizationId)] });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await storedCountsAndTheirDefinition()).toEqual(before);
    await expectCountsInStepWithTheCases();
  }, 60_000);
});
