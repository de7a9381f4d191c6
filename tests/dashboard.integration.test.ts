// The 工作台, the manager dashboard and the notifications against the real database.
//
// Dashboard: every number that carries a link equals the total of the case list at that link
// (findApplications with the query parsed from the link), for this year, this month and a chosen year;
// the figures the list cannot show yet name the filter they need; the timing figures equal the pure
// definition (metrics.ts) over the same cases. Workbench: the signed-in user's own lists. Notifications:
// who gets what, idempotence, a new due date raising a new alert, organization and user scoping, the
// email digest.
import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { addWorkdays, createWorkCalendar, type IsoDate, type WorkCalendar } from "@/lib/calendar/workdays";
import { statutoryHolidaysOf } from "@/lib/calendar/statutory-holidays";
import { findApplications } from "@/lib/cases/queries";
import { parseCaseListQuery } from "@/lib/cases/list-schemas";
import { getManagerDashboard, getWorkbench, type CaseCountMetric, type ManagerDashboard } from "@/lib/dashboard/queries";
import { hasReplyPeriod, netWorkdaysToClose, percentileCont } from "@/lib/dashboard/metrics";
import { parseDashboardPeriod } from "@/lib/dashboard/period";
import { generateNotifications } from "@/lib/notifications/generate";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";
import { sendDailyDigest, type DigestMessage } from "@/lib/notifications/digest";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

/** A Friday; no holiday in the following weeks. */
const TODAY = "2026-11-20";

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

type CaseOverrides = Partial<
  Omit<
    Prisma.ApplicationUncheckedCreateInput,
    | "receivedOn"
    | "dueOn"
    | "closedOn"
    | "correctionNoticeDueOn"
    | "correctionRequestedOn"
    | "correctionReceivedOn"
    | "feeNoticeOn"
    | "feePaymentDueOn"
    | "consultationSentOn"
    | "consultationReplyDueOn"
  >
> & {
  caseNumber: string;
  receivedOn?: IsoDate;
  dueOn?: IsoDate | null;
  closedOn?: IsoDate | null;
  correctionNoticeDueOn?: IsoDate;
  correctionRequestedOn?: IsoDate;
  correctionReceivedOn?: IsoDate;
  feeNoticeOn?: IsoDate;
  feePaymentDueOn?: IsoDate;
  consultationSentOn?: IsoDate;
  consultationReplyDueOn?: IsoDate;
};

const DATE_FIELDS = [
  "correctionNoticeDueOn",
  "correctionRequestedOn",
  "correctionReceivedOn",
  "feeNoticeOn",
  "feePaymentDueOn",
  "consultationSentOn",
  "consultationReplyDueOn",
] as const;

/** A case written directly with its derived columns (open and running unless told otherwise). */
async function createCase(organizationId: string, overrides: CaseOverrides) {
  const { caseNumber, receivedOn = "2026-11-02", dueOn, closedOn = null, ...rest } = overrides;
  const dates: Record<string, Date> = {};
  for (const field of DATE_FIELDS) {
    const value = rest[field];
    if (value) dates[field] = date(value);
    delete rest[field];
  }
  const closed = closedOn !== null;
  const application = await db.application.create({
    data: {
      organizationId,
      caseNumber,
      caseYear: Number(receivedOn.slice(0, 4)),
      caseSequence: Number(caseNumber.replace(/\D/g, "").slice(-6)) || 1,
      receivedOn: date(receivedOn),
      channel: "ONLINE",
      applicantType: "NATURAL_PERSON",
      applicantName: "李明",
      requestContent: "申请公开本机关年度部门预算",
      status: closed ? "CLOSED" : "OPEN",
      clockPhase: closed ? "CLOSED" : "RUNNING",
      dueOn: dueOn === undefined ? (closed ? null : date("2026-12-15")) : dueOn === null ? null : date(dueOn),
      closedOn: closedOn === null ? null : date(closedOn),
      outcome: closed ? "GRANTED" : null,
      ...dates,
      ...rest,
    },
  });
  return application;
}

let calendar: WorkCalendar;
/** The real calendar, with 2027 left unconfirmed whatever other test files did to the shared database. */
let calendarWithout2027: WorkCalendar;
let manager: Actor;
let admin: Actor;
let clerk1: Actor;
let clerk2: Actor;
let retiredClerkId: string;
let otherManager: Actor;
let otherClerk: Actor;
const ids: Record<string, string> = {};
/** The closed cases of 2026 with their timing columns, for the oracle. */
const closings2026: Array<{
  dueOn: IsoDate | null;
  closedOn: IsoDate;
  extensionWorkdays: number | null;
  correctionRequestedOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
}> = [];

beforeAll(async () => {
  calendar = await loadWorkCalendar();
  calendarWithout2027 = createWorkCalendar(
    [...calendar.overrides].map(([day, kind]) => ({ date: day, kind })),
    [...calendar.confirmedYears].filter((year) => year !== 2027),
    statutoryHolidaysOf,
  );
  const organization = await createTestOrganization("丁区司法局");
  const other = await createTestOrganization("戊区司法局");
  const o = organization.id;
  manager = actorFor(await createTestUser({ organizationId: o, role: "MANAGER", displayName: "赵主任" }));
  admin = actorFor(await createTestUser({ organizationId: o, role: "ADMIN", displayName: "钱管理" }));
  clerk1 = actorFor(await createTestUser({ organizationId: o, role: "CLERK", displayName: "孙一" }));
  clerk2 = actorFor(await createTestUser({ organizationId: o, role: "CLERK", displayName: "李二" }));
  const retired = await createTestUser({ organizationId: o, role: "CLERK", displayName: "周退" });
  retiredClerkId = retired.id;
  otherManager = actorFor(await createTestUser({ organizationId: other.id, role: "MANAGER" }));
  otherClerk = actorFor(await createTestUser({ organizationId: other.id, role: "CLERK" }));

  const add = async (overrides: CaseOverrides) => {
    const application = await createCase(o, overrides);
    ids[overrides.caseNumber] = application.id;
    if (overrides.closedOn && overrides.closedOn.startsWith("2026")) {
      closings2026.push({
        dueOn: overrides.dueOn ?? null,
        closedOn: overrides.closedOn,
        extensionWorkdays: overrides.extensionWorkdays ?? null,
        correctionRequestedOn: overrides.correctionRequestedOn ?? null,
        correctionReceivedOn: overrides.correctionReceivedOn ?? null,
      });
    }
    return application;
  };
  const due = (from: IsoDate, workdays: number) => addWorkdays(calendar, from, workdays);

  // Open cases.
  await add({ caseNumber: "D-01-soon", dueOn: "2026-11-25", handlerId: clerk1.userId });
  await add({ caseNumber: "D-02-overdue", receivedOn: "2026-10-20", dueOn: "2026-11-18", handlerId: clerk1.userId });
  await add({ caseNumber: "D-03-on-track", dueOn: "2026-12-10", handlerId: clerk2.userId, channel: "EMAIL" });
  await add({
    caseNumber: "D-04-correction",
    dueOn: null,
    clockPhase: "AWAITING_CORRECTION",
    correctionRequestedOn: "2026-11-04",
    applicantType: "COMMERCIAL_ENTERPRISE",
    channel: "POST",
  });
  await add({ caseNumber: "D-05-overdue-unassigned", receivedOn: "2026-10-01", dueOn: "2026-11-02" });
  await add({ caseNumber: "D-06-overdue-retired", receivedOn: "2026-10-16", dueOn: "2026-11-19", handlerId: retiredClerkId });
  await add({
    caseNumber: "D-07-consulting",
    dueOn: null,
    clockPhase: "CONSULTING",
    consultationSentOn: "2026-10-30",
    consultationReplyDueOn: TODAY,
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-08-fee-lapsed",
    receivedOn: "2026-09-21",
    dueOn: null,
    clockPhase: "AWAITING_FEE",
    feeNoticeOn: "2026-10-09",
    feePaymentDueOn: "2026-11-09",
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-09-correction-window",
    receivedOn: "2026-11-18",
    dueOn: due("2026-11-18", 20),
    correctionNoticeDueOn: due("2026-11-18", 7),
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-10-correction-last-day",
    receivedOn: "2026-11-11",
    dueOn: due("2026-11-11", 20),
    correctionNoticeDueOn: due("2026-11-11", 7),
    handlerId: clerk1.userId,
  });
  await add({ caseNumber: "D-11-provisional", receivedOn: "2026-11-19", dueOn: "2027-01-06", dueIsProvisional: true, handlerId: clerk2.userId });

  // Closed in 2026.
  await add({ caseNumber: "D-12-on-time", receivedOn: "2026-02-10", dueOn: due("2026-02-10", 20), closedOn: due("2026-02-10", 12), handlerId: clerk1.userId });
  await add({
    caseNumber: "D-13-late",
    receivedOn: "2026-05-06",
    dueOn: due("2026-05-06", 20),
    closedOn: due("2026-05-06", 23),
    outcome: "WITHHELD_STATE_SECRET",
    channel: "EMAIL",
    handlerId: clerk2.userId,
  });
  await add({
    caseNumber: "D-14-extended",
    receivedOn: "2026-06-01",
    dueOn: due("2026-06-01", 30),
    closedOn: due("2026-06-01", 25),
    extensionWorkdays: 10,
    outcome: "PARTIALLY_GRANTED",
    handlerId: clerk2.userId,
  });
  await add({
    caseNumber: "D-15-consulted",
    receivedOn: "2026-07-01",
    dueOn: due("2026-07-01", 25),
    closedOn: due("2026-07-01", 22),
    consultationSentOn: "2026-07-06",
    outcome: "WITHHELD_THIRD_PARTY_RIGHTS",
    applicantType: "LEGAL_SERVICE_ORG",
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-16-corrected",
    receivedOn: "2026-08-03",
    correctionRequestedOn: "2026-08-05",
    correctionReceivedOn: "2026-08-20",
    dueOn: due("2026-08-20", 20),
    closedOn: due("2026-08-20", 8),
    outcome: "UNAVAILABLE_NOT_HELD",
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-17-no-correction",
    receivedOn: "2026-09-01",
    correctionRequestedOn: "2026-09-03",
    dueOn: null,
    closedOn: "2026-09-30",
    outcome: "OTHER_NO_CORRECTION",
    handlerId: clerk1.userId,
  });
  await add({
    caseNumber: "D-18-withdrawn-awaiting-correction",
    receivedOn: "2026-09-07",
    correctionRequestedOn: "2026-09-09",
    dueOn: due("2026-09-07", 20),
    closedOn: "2026-09-15",
    outcome: "OTHER_OTHER",
  });
  await add({ caseNumber: "D-19-closed-this-month", receivedOn: "2026-10-12", dueOn: due("2026-10-12", 20), closedOn: "2026-11-05", handlerId: retiredClerkId });
  await add({
    caseNumber: "D-21-received-2025",
    receivedOn: "2025-12-15",
    dueOn: due("2025-12-15", 20),
    closedOn: "2026-01-12",
    applicantType: "RESEARCH_INSTITUTION",
    handlerId: clerk2.userId,
  });
  // Closed in 2025.
  await add({ caseNumber: "D-20-closed-2025", receivedOn: "2025-12-01", dueOn: due("2025-12-01", 20), closedOn: "2025-12-19", handlerId: clerk1.userId });
  await db.user.update({ where: { id: retiredClerkId }, data: { active: false } });

  // Proceedings.
  const proceeding = (applicationId: string, data: Omit<Prisma.ProceedingUncheckedCreateInput, "organizationId" | "applicationId">) =>
    db.proceeding.create({ data: { organizationId: o, applicationId, ...data } });
  await proceeding(ids["D-12-on-time"]!, { kind: "RECONSIDERATION", filedOn: date("2026-04-01"), result: "CORRECTED", decidedOn: date("2026-06-01") });
  await proceeding(ids["D-13-late"]!, { kind: "RECONSIDERATION", filedOn: date("2026-07-01"), result: "UPHELD", decidedOn: date("2026-08-20") });
  await proceeding(ids["D-14-extended"]!, { kind: "LITIGATION", route: "DIRECT", filedOn: date("2026-09-01") });
  await proceeding(ids["D-15-consulted"]!, {
    kind: "LITIGATION",
    route: "DIRECT",
    onlyCoDefendantAsReviewOrgan: true,
    filedOn: date("2026-09-10"),
    result: "UPHELD",
  });
  await proceeding(ids["D-20-closed-2025"]!, { kind: "RECONSIDERATION", filedOn: date("2025-12-25"), result: "OTHER" });

  // The other organization: overdue and due-soon cases, never counted nor alerted in 丁区.
  await createCase(other.id, { caseNumber: "E-01-overdue", dueOn: "2026-11-10", handlerId: otherClerk.userId });
  await createCase(other.id, { caseNumber: "E-02-soon", dueOn: "2026-11-24", handlerId: otherClerk.userId });
  await createCase(other.id, { caseNumber: "E-03-closed", receivedOn: "2026-03-02", dueOn: "2026-03-30", closedOn: "2026-03-20" });
});

// ---------------------------------------------------------------------------------------------

/** Every linked number of the dashboard, with a readable path for failure messages. */
function collectMetrics(value: unknown, path: string, into: Array<{ path: string; metric: CaseCountMetric }>) {
  if (value === null || typeof value !== "object") return;
  if ("count" in value && "href" in value) {
    into.push({ path, metric: value as CaseCountMetric });
    return;
  }
  for (const [key, child] of Object.entries(value)) collectMetrics(child, `${path}.${key}`, into);
}

async function listTotal(actor: Actor, href: string): Promise<number> {
  const url = new URL(href, "http://localhost");
  expect(url.pathname).toBe("/cases");
  const result = await findApplications({ actor, query: parseCaseListQuery(url.searchParams), today: TODAY, calendar });
  return result.total;
}

async function dashboardFor(periodParam: string): Promise<ManagerDashboard> {
  return getManagerDashboard({ actor: manager, period: parseDashboardPeriod(periodParam, TODAY), today: TODAY, calendar });
}

describe("getManagerDashboard", () => {
  it.each(["year", "month", "2025"])("every linked number equals the case list's total at its link (period=%s)", async (periodParam) => {
    const dashboard = await dashboardFor(periodParam);
    const metrics: Array<{ path: string; metric: CaseCountMetric }> = [];
    collectMetrics(dashboard, "dashboard", metrics);
    const linked = metrics.filter(({ metric }) => metric.href !== null);
    // Every number on the dashboard links to its cases.
    expect(linked).toHaveLength(metrics.length);
    expect(linked.length).toBeGreaterThan(40);
    for (const { path, metric } of linked) {
      expect({ path, total: await listTotal(manager, metric.href!) }).toEqual({ path, total: metric.count });
    }
  });

  it("counts the open cases now and the year's intake and closings of the actor's organization only", async () => {
    const dashboard = await dashboardFor("year");
    expect(dashboard.period).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-12-31" });
    expect(dashboard.openNow.count).toBe(11);
    expect(dashboard.dueSoon.count).toBe(1);
    expect(dashboard.overdue.count).toBe(3);
    expect(dashboard.received.count).toBe(19);
    expect(dashboard.closed.count).toBe(9);
    expect(dashboard.series.map((row) => row.received.count).reduce((a, b) => a + b, 0)).toBe(19);
    expect(dashboard.series.map((row) => row.closed.count).reduce((a, b) => a + b, 0)).toBe(9);
    expect(dashboard.series.find((row) => row.key === "2026-11")?.received.count).toBe(7);
    expect(dashboard.applicantTypes.find((row) => row.key === "COMMERCIAL_ENTERPRISE")?.metric.count).toBe(1);
    expect(dashboard.applicantTypes.find((row) => row.key === "RESEARCH_INSTITUTION")?.metric.count).toBe(0);
    expect(dashboard.channels.find((row) => row.key === "EMAIL")?.metric.count).toBe(2);
  });

  it("counts on-time and late closings over the cases that had a reply period", async () => {
    const dashboard = await dashboardFor("year");
    // D-17 (逾期不补正, no due date) and D-18 (withdrawn while waiting for 补正) are left out.
    expect(dashboard.onTime.count).toBe(6);
    expect(dashboard.onTime.href).toContain("timeliness=onTime");
    expect(dashboard.late.count).toBe(1);
    expect(dashboard.onTimeRate).toBe(85.7);
  });

  it("measures working days to close net of stopped time, as the pure definition does", async () => {
    const dashboard = await dashboardFor("year");
    const timed = closings2026.filter(hasReplyPeriod);
    const net = timed.map((timing) => netWorkdaysToClose(calendar, timing));
    // Received-to-closed minus stops: 12, 23 (late), 25 with a 10-day extension, 22 − 5 stopped, 8 after 补正.
    expect(net.slice(0, 5)).toEqual([12, 23, 25, 17, 8]);
    expect(dashboard.workdaysToClose.cases).toBe(timed.length);
    expect(dashboard.workdaysToClose.median).toBeCloseTo(percentileCont(net, 0.5)!, 6);
    expect(dashboard.workdaysToClose.p90).toBeCloseTo(percentileCont(net, 0.9)!, 6);
  });

  it("groups the outcomes by the rows of table 三", async () => {
    const dashboard = await dashboardFor("year");
    expect(dashboard.outcomes.map((group) => group.label)).toEqual([
      "（一）予以公开",
      "（二）部分公开",
      "（三）不予公开",
      "（四）无法提供",
      "（五）不予处理",
      "（六）其他处理",
    ]);
    expect(dashboard.outcomes.map((group) => group.total.count)).toEqual([3, 1, 2, 1, 0, 2]);
    expect(dashboard.outcomes.flatMap((group) => group.leaves)).toHaveLength(21);
    // A one-leaf group links like its leaf; a group of several links with the outcome-group filter.
    expect(dashboard.outcomes[0]!.total.href).toBe(dashboard.outcomes[0]!.leaves[0]!.metric.href);
    expect(dashboard.outcomes[2]!.total.href).toContain("outcomeGroup=WITHHELD");
  });

  it("shows each handler's workload, the disabled handler with cases and the unassigned cases", async () => {
    const dashboard = await dashboardFor("year");
    const byName = Object.fromEntries(
      dashboard.workload.map((row) => [row.name, [row.open.count, row.dueSoon.count, row.overdue.count, row.closed.count]]),
    );
    expect(byName).toEqual({
      孙一: [6, 1, 1, 4],
      李二: [2, 0, 0, 3],
      周退: [1, 0, 1, 1],
      赵主任: [0, 0, 0, 0],
      钱管理: [0, 0, 0, 0],
      未分配: [2, 0, 1, 1],
    });
    expect(dashboard.workload.find((row) => row.name === "周退")?.active).toBe(false);
  });

  it("counts reconsiderations and lawsuits filed in the period by result, with the correction rate", async () => {
    const dashboard = await dashboardFor("year");
    const [reconsideration, litigation] = dashboard.appeals;
    expect(reconsideration).toMatchObject({ kind: "RECONSIDERATION", correctionRate: 50 });
    expect([reconsideration!.upheld.count, reconsideration!.corrected.count, reconsideration!.other.count, reconsideration!.pending.count]).toEqual([
      1, 1, 0, 0,
    ]);
    // The lawsuit where the organization is only co-defendant as 复议机关 is left out.
    expect([litigation!.upheld.count, litigation!.pending.count, litigation!.total.count]).toEqual([0, 1, 1]);
    expect(litigation!.correctionRate).toBeNull();
    const lastYear = await dashboardFor("2025");
    expect(lastYear.appeals[0]!.other.count).toBe(1);
  });

  it("buckets this month by day and a chosen year by month", async () => {
    const month = await dashboardFor("month");
    expect(month.period).toMatchObject({ kind: "month", from: "2026-11-01", to: "2026-11-30" });
    expect(month.series).toHaveLength(30);
    expect(month.closed.count).toBe(1);
    expect(month.series.find((row) => row.key === "2026-11-05")?.closed.count).toBe(1);
    const lastYear = await dashboardFor("2025");
    expect(lastYear.period.kind).toBe("chosenYear");
    expect([lastYear.received.count, lastYear.closed.count]).toEqual([2, 1]);
    expect(lastYear.years[0]).toBe(2026);
    expect(lastYear.years).toContain(2025);
  });

  it("is for managers and administrators only", async () => {
    await expect(getManagerDashboard({ actor: clerk1, period: parseDashboardPeriod("year", TODAY), today: TODAY, calendar })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const forAdmin = await getManagerDashboard({ actor: admin, period: parseDashboardPeriod("year", TODAY), today: TODAY, calendar });
    expect(forAdmin.openNow.count).toBe(11);
    const forOther = await getManagerDashboard({ actor: otherManager, period: parseDashboardPeriod("year", TODAY), today: TODAY, calendar });
    expect([forOther.openNow.count, forOther.overdue.count, forOther.closed.count]).toEqual([2, 1, 1]);
  });
});

describe("getWorkbench", () => {
  it("lists the actor's own cases that need attention, with the working days left", async () => {
    const workbench = await getWorkbench({ actor: clerk1, today: TODAY, calendar });
    const lines = (list: { lines: Array<{ caseNumber: string; date: string | null; workdaysLeft: number | null }> }) =>
      list.lines.map((line) => [line.caseNumber, line.date, line.workdaysLeft]);
    expect(lines(workbench.overdue)).toEqual([["D-02-overdue", "2026-11-18", -2]]);
    expect(lines(workbench.dueSoon)).toEqual([["D-01-soon", "2026-11-25", 3]]);
    expect(lines(workbench.correctionNotices)).toEqual([
      ["D-10-correction-last-day", TODAY, 0],
      ["D-09-correction-window", addWorkdays(calendar, "2026-11-18", 7), 5],
    ]);
    expect(lines(workbench.feePayments)).toEqual([["D-08-fee-lapsed", "2026-11-09", -9]]);
    expect(lines(workbench.consultations)).toEqual([["D-07-consulting", TODAY, 0]]);
  });

  it("links each list it can to the case list showing exactly its cases", async () => {
    const workbench = await getWorkbench({ actor: clerk1, today: TODAY, calendar });
    for (const list of [workbench.overdue, workbench.dueSoon, workbench.consultations]) {
      expect(list.href).not.toBeNull();
      expect(await listTotal(clerk1, list.href!)).toBe(list.total);
    }
  });

  it("shows nothing of other handlers' cases", async () => {
    const workbench = await getWorkbench({ actor: manager, today: TODAY, calendar });
    expect([workbench.overdue, workbench.dueSoon, workbench.correctionNotices, workbench.feePayments, workbench.consultations].map((list) => list.total)).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it("gives a manager the organization's unassigned open cases, and a clerk none", async () => {
    const workbench = await getWorkbench({ actor: manager, today: TODAY, calendar });
    const unassigned = workbench.unassigned!;
    expect(unassigned.lines.map((line) => line.caseNumber)).toContain("D-05-overdue-unassigned");
    expect(unassigned.lines).toHaveLength(unassigned.total);
    expect(await listTotal(manager, unassigned.href!)).toBe(unassigned.total);
    expect((await getWorkbench({ actor: clerk1, today: TODAY, calendar })).unassigned).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

async function alertsOf(actor: Actor | { userId: string }) {
  const rows = await db.notification.findMany({ where: { userId: actor.userId }, orderBy: { dedupeKey: "asc" } });
  return rows.map((row) => row.dedupeKey);
}

describe("generateNotifications", () => {
  beforeAll(async () => {
    await generateNotifications({ today: TODAY, calendar: calendarWithout2027 });
  });

  it("alerts the handler of each case that needs attention", async () => {
    expect(await alertsOf(clerk1)).toEqual(
      [
        `CONSULTATION_REPLY_DUE:${ids["D-07-consulting"]}:${TODAY}`,
        `CORRECTION_NOTICE_DUE:${ids["D-10-correction-last-day"]}:${TODAY}`,
        `DUE_SOON:${ids["D-01-soon"]}:2026-11-25`,
        `FEE_PAYMENT_LAPSED:${ids["D-08-fee-lapsed"]}:2026-11-09`,
        `OVERDUE:${ids["D-02-overdue"]}:2026-11-18`,
      ].sort(),
    );
    expect(await alertsOf(clerk2)).toEqual([]);
    expect(await alertsOf({ userId: retiredClerkId })).toEqual([]);
  });

  it("alerts managers to every overdue case of their organization, and managers and admins to the unconfirmed calendar", async () => {
    expect(await alertsOf(manager)).toEqual(
      [
        "CALENDAR_UNCONFIRMED:2027",
        `OVERDUE:${ids["D-02-overdue"]}:2026-11-18`,
        `OVERDUE:${ids["D-05-overdue-unassigned"]}:2026-11-02`,
        `OVERDUE:${ids["D-06-overdue-retired"]}:2026-11-19`,
        // Cases without a handler are the managers' (issue 13).
        `UNASSIGNED:${ids["D-04-correction"]}`,
        `UNASSIGNED:${ids["D-05-overdue-unassigned"]}`,
      ].sort(),
    );
    expect(await alertsOf(admin)).toEqual(["CALENDAR_UNCONFIRMED:2027"]);
    const [unassigned] = await db.notification.findMany({ where: { userId: manager.userId, applicationId: ids["D-05-overdue-unassigned"] } });
    expect(unassigned?.message).toContain("未分配经办人");
  });

  it("never alerts another organization's users to these cases", async () => {
    const caseIds = Object.values(ids);
    for (const actor of [otherManager, otherClerk]) {
      const foreign = await db.notification.count({ where: { userId: actor.userId, applicationId: { in: caseIds } } });
      expect(foreign).toBe(0);
    }
    expect((await alertsOf(otherManager)).filter((key) => key.startsWith("OVERDUE"))).toHaveLength(1);
    expect((await alertsOf(otherClerk)).map((key) => key.split(":")[0]).sort()).toEqual(["DUE_SOON", "OVERDUE"]);
  });

  it("is idempotent: a second run raises nothing new", async () => {
    const before = await db.notification.count();
    const second = await generateNotifications({ today: TODAY, calendar: calendarWithout2027 });
    expect(second.created).toBe(0);
    expect(second.planned).toBeGreaterThan(0);
    expect(await db.notification.count()).toBe(before);
  });

  it("alerts the handler when a case becomes overdue, and again when its due date changes", async () => {
    await db.application.update({ where: { id: ids["D-03-on-track"]! }, data: { dueOn: date("2026-11-19") } });
    await db.application.update({ where: { id: ids["D-02-overdue"]! }, data: { dueOn: date("2026-11-17") } });
    await generateNotifications({ today: TODAY, calendar: calendarWithout2027 });
    expect(await alertsOf(clerk2)).toEqual([`OVERDUE:${ids["D-03-on-track"]}:2026-11-19`]);
    expect((await alertsOf(clerk1)).filter((key) => key.startsWith(`OVERDUE:${ids["D-02-overdue"]}`))).toEqual([
      `OVERDUE:${ids["D-02-overdue"]}:2026-11-17`,
      `OVERDUE:${ids["D-02-overdue"]}:2026-11-18`,
    ]);
    expect(await db.notification.count({ where: { applicationId: ids["D-03-on-track"]!, user: { organizationId: { not: manager.organizationId } } } })).toBe(0);
    await db.application.update({ where: { id: ids["D-03-on-track"]! }, data: { dueOn: date("2026-12-10") } });
    await db.application.update({ where: { id: ids["D-02-overdue"]! }, data: { dueOn: date("2026-11-18") } });
  });
});

describe("notification list and reading state", () => {
  it("lists only the actor's own notifications and counts the unread ones", async () => {
    const page = await listNotifications({ actor: clerk1, filter: "all", page: 1 });
    expect(page.total).toBe(6);
    expect(page.unread).toBe(6);
    expect(page.rows.every((row) => row.message.length > 0)).toBe(true);
    expect(page.rows.find((row) => row.kind === "DUE_SOON")?.caseNumber).toBe("D-01-soon");
    expect(await countUnreadNotifications({ actor: clerk1 })).toBe(6);
    expect((await listNotifications({ actor: otherClerk, filter: "all", page: 1 })).rows.every((row) => !row.caseNumber?.startsWith("D-"))).toBe(true);
  });

  it("marks one read, refuses to touch another user's, and marks all read", async () => {
    const [first] = (await listNotifications({ actor: clerk1, filter: "unread", page: 1 })).rows;
    expect(await markNotificationRead({ actor: otherClerk, input: { notificationId: first!.id } })).toBe(false);
    expect(await markNotificationRead({ actor: clerk1, input: { notificationId: first!.id } })).toBe(true);
    expect(await countUnreadNotifications({ actor: clerk1 })).toBe(5);
    expect((await listNotifications({ actor: clerk1, filter: "unread", page: 1 })).total).toBe(5);
    expect(await markAllNotificationsRead({ actor: clerk1 })).toBe(5);
    expect(await countUnreadNotifications({ actor: clerk1 })).toBe(0);
    // The manager's six first alerts (two for unassigned cases) and the two raised when due dates changed.
    expect(await countUnreadNotifications({ actor: manager })).toBe(8);
  });
});

describe("sendDailyDigest", () => {
  it("does nothing while SMTP is not configured", async () => {
    expect(await sendDailyDigest({ smtp: null, today: TODAY })).toEqual({ skipped: true, sent: 0, failed: 0, notifications: 0 });
  });

  it("emails each user who asked for it their unread alerts once, and marks them emailed", async () => {
    await db.user.updateMany({ data: { emailDigest: false } });
    await db.user.update({ where: { id: manager.userId }, data: { email: "zhao@example.gov.cn", emailDigest: true } });
    await db.user.update({ where: { id: clerk1.userId }, data: { email: "sun@example.gov.cn", emailDigest: true } });
    const sentMessages: DigestMessage[] = [];
    const transport = { sendMail: async (message: DigestMessage) => void sentMessages.push(message) };
    const smtp = { host: "localhost", port: 25, secure: false, from: "政务公开办 <gongkai@example.gov.cn>" };

    const first = await sendDailyDigest({ smtp, today: TODAY, transport, appUrl: "https://gongkai.example.gov.cn" });
    // The clerk read everything above: only the manager's eight alerts go out.
    expect(first).toEqual({ skipped: false, sent: 1, failed: 0, notifications: 8 });
    expect(sentMessages[0]).toMatchObject({ to: "zhao@example.gov.cn", from: smtp.from });
    expect(sentMessages[0]!.subject).toContain("8 条未读提醒");
    expect(sentMessages[0]!.text).toContain("https://gongkai.example.gov.cn/notifications");
    expect(await db.notification.count({ where: { userId: manager.userId, emailedAt: null } })).toBe(0);

    const second = await sendDailyDigest({ smtp, today: TODAY, transport });
    expect(second.sent).toBe(0);
    expect(sentMessages).toHaveLength(1);
  });

  it("gives the alerts back when the email fails", async () => {
    await db.notification.updateMany({ where: { userId: manager.userId }, data: { emailedAt: null } });
    const smtp = { host: "localhost", port: 25, secure: false, from: "gongkai@example.gov.cn" };
    const failing = { sendMail: async () => Promise.reject(new Error("连接被拒绝")) };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await sendDailyDigest({ smtp, today: TODAY, transport: failing });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(result).toMatchObject({ sent: 0, failed: 1 });
    expect(await db.notification.count({ where: { userId: manager.userId, emailedAt: null } })).toBe(8);
  });
});
