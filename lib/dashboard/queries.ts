// The 工作台 (everyone's own to-do lists) and the manager dashboard (统计分析). Every read is scoped
// to the actor's organization. The dashboard is a handful of SQL aggregations (GROUP BY with FILTER and
// GROUPING SETS) over the derived columns of the cases — for a year's intake, closings and working days
// over the counts that triggers keep in step with the cases (ADR 0097) — so a year of a large
// organization stays fast.
//
// Voided cases (作废) count nowhere: every query below leaves them out, as the case list does.
//
// Every case count carries the case-list URL that shows exactly the cases it counts (lib/cases/
// list-schemas.ts). The counting conditions below are therefore written as the list's filters are
// (lib/cases/queries.ts, caseListWhere): "due soon" = open with a due date from today through
// lastDueSoonDate; "overdue" = open with a due date before today; "received in the period" = receivedOn
// within it; "closed in the period" = closedOn within it (only closed cases have one).
import "server-only";
import { Prisma, type ApplicantType, type Channel, type Outcome, type ProceedingKind, type ProceedingResult } from "@prisma/client";
import { readRows } from "../db";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { isoDateFromDb } from "../calendar/dates";
import { addCalendarDays, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import { CASE_LIST_OUTCOME_GROUPS, caseListHref, type CaseListOutcomeGroup, type CaseListQuery } from "../cases/list-schemas";
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  OUTCOME_GROUPS,
  OUTCOME_LABELS,
  OUTCOMES,
  PROCEEDING_KIND_LABELS,
} from "../cases/labels";
import { REPLY_WORKDAYS } from "../cases/projection";
import { lastDueSoonDate, percentage, percentileContOfCounts, WORKDAY_ORDINAL_EPOCH, workdayOrdinalCorrections, workdaysUntil } from "./metrics";
import { FIRST_DASHBOARD_YEAR, type DashboardPeriod } from "./period";

// ---------------------------------------------------------------------------------------------
// Metrics and their links

/** A number of cases and the case list that shows exactly them. */
export interface CaseCountMetric {
  count: number;
  /** The case-list URL whose total equals `count`. */
  href: string;
}

function listed(count: number, query: Partial<CaseListQuery>): CaseCountMetric {
  return { count, href: caseListHref(query) };
}

const sqlDate = (date: IsoDate) => Prisma.sql`CAST(${date} AS date)`;

// ---------------------------------------------------------------------------------------------
// 工作台

/** Lines shown per list; the rest are one click away in the case list (or the count says so). */
export const WORKBENCH_LIST_LIMIT = 20;

export interface WorkbenchLine {
  id: string;
  caseNumber: string;
  applicantName: string;
  /** The date that matters for the list: the due date, the last day for the 补正 notice, for payment… (null: none, e.g. an unassigned case whose clock is stopped) */
  date: IsoDate | null;
  /** Working days from today to `date` (0 = today, negative = past; null without a date). */
  workdaysLeft: number | null;
  /** The date reaches into a year whose official holiday arrangement is not confirmed yet. */
  provisional: boolean;
}

export interface WorkbenchList {
  lines: WorkbenchLine[];
  /** Every case of the list (the lines stop at WORKBENCH_LIST_LIMIT). */
  total: number;
  /** The case list showing exactly these cases, when it can. */
  href: string | null;
}

export interface Workbench {
  today: IsoDate;
  overdue: WorkbenchList;
  dueSoon: WorkbenchList;
  /** Open, running cases whose 7-working-day window for a 补正 notice is still open. */
  correctionNotices: WorkbenchList;
  /** Fee noticed and not paid: payment window running or lapsed (then 可按“逾期未缴纳费用”办结). */
  feePayments: WorkbenchList;
  /** Consultations under way, with the end of the 15-working-day reply window. */
  consultations: WorkbenchList;
  /** The actor's cases waiting for the applicant's 补正 (clock stopped), with the day the notice went out. */
  awaitingCorrection: WorkbenchList;
  /** Managers only (null for others): the organization's open cases without a handler, by due date. */
  unassigned: WorkbenchList | null;
}

/** The lists of the 工作台, in the order of `Workbench`. */
const WORKBENCH_LISTS = ["overdue", "dueSoon", "correctionNotices", "feePayments", "consultations", "awaitingCorrection", "unassigned"] as const;
type WorkbenchListKey = (typeof WORKBENCH_LISTS)[number];

interface WorkbenchRow {
  list: WorkbenchListKey;
  /** Every case of the list (the rows stop at WORKBENCH_LIST_LIMIT). */
  total: number;
  id: string;
  caseNumber: string;
  applicantName: string;
  /** The list's date (YYYY-MM-DD), or null. */
  date: string | null;
  provisional: boolean;
}

/**
 * Every list of the 工作台 in one statement (issue 14: it was a page and a count per list, 12–14
 * statements per visit): the actor's open cases are read once, each list is a filter over them, and a
 * window gives each list its first WORKBENCH_LIST_LIMIT rows (by its date, then case number, empty
 * dates last) and its total. A manager's unassigned cases are the organization's open ones without a
 * handler. The conditions are the case list's filters behind each list's link.
 */
async function readWorkbenchRows(actor: Actor, today: IsoDate, lastDueSoon: IsoDate): Promise<WorkbenchRow[]> {
  const columns = Prisma.sql`"id", "caseNumber", "applicantName"`;
  const unassigned =
    actor.role === "MANAGER"
      ? Prisma.sql`
        UNION ALL SELECT 'unassigned', ${columns}, "dueOn", "dueIsProvisional" FROM "Application"
        WHERE "organizationId" = ${actor.organizationId} AND "handlerId" IS NULL AND "status" = 'OPEN' AND "voidedAt" IS NULL`
      : Prisma.empty;
  return readRows<WorkbenchRow>(Prisma.sql`
    WITH mine AS MATERIALIZED (
      SELECT ${columns}, "dueOn", "dueIsProvisional", "clockPhase", "correctionNoticeDueOn", "correctionRequestedOn",
             "feeNoticeOn", "feePaidOn", "feePaymentDueOn", "consultationReplyDueOn"
      FROM "Application"
      WHERE "organizationId" = ${actor.organizationId} AND "handlerId" = ${actor.userId} AND "status" = 'OPEN' AND "voidedAt" IS NULL
    ),
    lists AS (
      SELECT 'overdue' AS "list", ${columns}, "dueOn" AS "date", "dueIsProvisional" AS "provisional" FROM mine
        WHERE "dueOn" < ${sqlDate(today)}
      UNION ALL SELECT 'dueSoon', ${columns}, "dueOn", "dueIsProvisional" FROM mine
        WHERE "dueOn" >= ${sqlDate(today)} AND "dueOn" <= ${sqlDate(lastDueSoon)}
      UNION ALL SELECT 'correctionNotices', ${columns}, "correctionNoticeDueOn", false FROM mine
        WHERE "clockPhase" = 'RUNNING' AND "correctionRequestedOn" IS NULL AND "correctionNoticeDueOn" >= ${sqlDate(today)}
      UNION ALL SELECT 'feePayments', ${columns}, "feePaymentDueOn", false FROM mine
        WHERE "feeNoticeOn" IS NOT NULL AND "feePaidOn" IS NULL AND "feePaymentDueOn" IS NOT NULL
      UNION ALL SELECT 'consultations', ${columns}, "consultationReplyDueOn", false FROM mine
        WHERE "clockPhase" = 'CONSULTING' AND "consultationReplyDueOn" IS NOT NULL
      UNION ALL SELECT 'awaitingCorrection', ${columns}, "correctionRequestedOn", false FROM mine
        WHERE "clockPhase" = 'AWAITING_CORRECTION'
      ${unassigned}
    ),
    ranked AS (
      SELECT lists.*,
             count(*) OVER (PARTITION BY "list")::int AS "total",
             row_number() OVER (PARTITION BY "list" ORDER BY "date" ASC NULLS LAST, "caseNumber" ASC) AS "position"
      FROM lists
    )
    SELECT "list", "total", "id", "caseNumber", "applicantName", to_char("date", 'YYYY-MM-DD') AS "date", "provisional"
    FROM ranked WHERE "position" <= ${WORKBENCH_LIST_LIMIT}
    ORDER BY "list", "position"
  `);
}

/** The actor's own open cases that need attention, whatever the actor's role; for a manager also the unassigned ones. */
export async function getWorkbench({ actor, today, calendar }: { actor: Actor; today: IsoDate; calendar: WorkCalendar }): Promise<Workbench> {
  assertCan(actor, "case:work");
  const rows = await readWorkbenchRows(actor, today, lastDueSoonDate(calendar, today));
  const lists = new Map<WorkbenchListKey, { lines: WorkbenchLine[]; total: number }>(WORKBENCH_LISTS.map((key) => [key, { lines: [], total: 0 }]));
  // Lists whose date may be empty (awaiting 补正 without a notice date, unassigned without a due date) keep such cases.
  const keepsUndated = new Set<WorkbenchListKey>(["awaitingCorrection", "unassigned"]);
  for (const row of rows) {
    const list = lists.get(row.list)!;
    list.total = row.total;
    if (!row.date && !keepsUndated.has(row.list)) continue;
    const date = row.date as IsoDate | null;
    list.lines.push({
      id: row.id,
      caseNumber: row.caseNumber,
      applicantName: row.applicantName,
      date,
      workdaysLeft: date ? workdaysUntil(calendar, today, date) : null,
      provisional: row.provisional,
    });
  }
  const listOf = (key: WorkbenchListKey, href: string | null): WorkbenchList => ({ ...lists.get(key)!, href });
  return {
    today,
    overdue: listOf("overdue", caseListHref({ due: "overdue", handler: "me" })),
    dueSoon: listOf("dueSoon", caseListHref({ due: "soon", handler: "me" })),
    correctionNotices: listOf("correctionNotices", null),
    feePayments: listOf("feePayments", null),
    consultations: listOf("consultations", caseListHref({ phase: "CONSULTING", handler: "me" })),
    awaitingCorrection: listOf("awaitingCorrection", caseListHref({ phase: "AWAITING_CORRECTION", handler: "me" })),
    unassigned: actor.role === "MANAGER" ? listOf("unassigned", caseListHref({ status: "OPEN", handler: "none" })) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Manager dashboard

export interface LabelledMetric<Key extends string> {
  key: Key;
  label: string;
  metric: CaseCountMetric;
}

export interface OutcomeGroupRow {
  /** "（三）不予公开" */
  label: string;
  total: CaseCountMetric;
  leaves: LabelledMetric<Outcome>[];
}

export interface PeriodSeriesRow {
  key: string;
  label: string;
  from: IsoDate;
  to: IsoDate;
  received: CaseCountMetric;
  closed: CaseCountMetric;
}

export interface WorkloadRow {
  /** null: cases without a handler (未分配). */
  handlerId: string | null;
  name: string;
  active: boolean;
  open: CaseCountMetric;
  dueSoon: CaseCountMetric;
  overdue: CaseCountMetric;
  closed: CaseCountMetric;
}

export interface AppealsRow {
  kind: ProceedingKind;
  label: string;
  upheld: CaseCountMetric;
  corrected: CaseCountMetric;
  other: CaseCountMetric;
  pending: CaseCountMetric;
  total: CaseCountMetric;
  /** 纠错率 = 结果纠正 / 已审结 (维持 + 纠正 + 其他), as a percentage; null when none was decided. */
  correctionRate: number | null;
}

export interface ManagerDashboard {
  today: IsoDate;
  period: DashboardPeriod;
  /** The years a chosen-year link may show, newest first. */
  years: number[];
  openNow: CaseCountMetric;
  dueSoon: CaseCountMetric;
  overdue: CaseCountMetric;
  received: CaseCountMetric;
  closed: CaseCountMetric;
  /**
   * Closings in the period that had a reply period (hasReplyPeriod in metrics.ts): on time (closedOn ≤
   * dueOn) and late. The on-time rate and the working days to close are over these same cases.
   */
  onTime: CaseCountMetric;
  late: CaseCountMetric;
  /** 按期办结率 = onTime / (onTime + late), as a percentage. */
  onTimeRate: number | null;
  /** Working days to close, net of stopped time (netWorkdaysToClose in metrics.ts): median and P90. */
  workdaysToClose: { cases: number; median: number | null; p90: number | null };
  outcomes: OutcomeGroupRow[];
  applicantTypes: LabelledMetric<ApplicantType>[];
  channels: LabelledMetric<Channel>[];
  series: PeriodSeriesRow[];
  workload: WorkloadRow[];
  appeals: AppealsRow[];
}

/** The SQL condition of hasReplyPeriod (metrics.ts) on a closed case `a`. */
const HAS_REPLY_PERIOD = Prisma.sql`(a."dueOn" IS NOT NULL AND NOT (a."correctionRequestedOn" IS NOT NULL AND a."correctionReceivedOn" IS NULL))`;

interface Scope {
  organizationId: string;
  today: IsoDate;
  lastDueSoon: IsoDate;
  from: IsoDate;
  to: IsoDate;
}

interface OpenCountsRow {
  handlerId: string | null;
  open: number;
  dueSoon: number;
  overdue: number;
}

/** The open cases now, due soon and overdue, per handler. */
async function countOpenByHandler(scope: Scope): Promise<OpenCountsRow[]> {
  return readRows<OpenCountsRow>(Prisma.sql`
    SELECT a."handlerId",
           count(*)::int AS "open",
           count(*) FILTER (WHERE a."dueOn" >= ${sqlDate(scope.today)} AND a."dueOn" <= ${sqlDate(scope.lastDueSoon)})::int AS "dueSoon",
           count(*) FILTER (WHERE a."dueOn" < ${sqlDate(scope.today)})::int AS "overdue"
    FROM "Application" a
    WHERE a."organizationId" = ${scope.organizationId} AND a."voidedAt" IS NULL AND a."status" = 'OPEN'
    GROUP BY a."handlerId"
  `, { prepared: false });
}

/**
 * The chart bucket of a date column: the first day of its month, or the day itself. Spliced in as fixed
 * SQL (both parts come from the whitelists in the signature), because SELECT and GROUP BY must repeat
 * the identical expression, which two bind parameters would not be.
 */
function bucketExpression(unit: "month" | "day", column: "receivedOn" | "closedOn"): Prisma.Sql {
  return Prisma.raw(`CAST(date_trunc('${unit}', a."${column}") AS date)`);
}

interface IntakeRow {
  applicantType: ApplicantType | null;
  channel: Channel | null;
  bucket: Date | null;
  /** GROUPING(applicantType, channel, bucket): 3 = by type, 5 = by channel, 6 = by bucket. */
  grouping: number;
  count: number;
}

/**
 * A period of whole months (a year, bucketed by month) is counted from the monthly counts that the
 * triggers on "Application" keep in step with the cases (ReceivedCasesByMonth, ClosedCasesByMonth:
 * migration 20261215000000, ADR 0097): a few hundred rows instead of a year of cases. A month's period,
 * bucketed by day, counts its cases (a twelfth of a year's).
 */
function readsMonthlyCounts(scope: Scope, bucketUnit: "month" | "day"): boolean {
  return bucketUnit === "month" && scope.from.endsWith("-01") && addCalendarDays(scope.to, 1).endsWith("-01");
}

/**
 * Cases received in the period, by applicant type, by channel and by month (or day): the count of each
 * (type, channel, bucket) — from the monthly counts, or one scan of the period's cases — then the three
 * totals from those few hundred groups (one hash lookup per case instead of one per grouping set:
 * issue 14, ADR 0085).
 */
async function countIntake(scope: Scope, bucketUnit: "month" | "day"): Promise<IntakeRow[]> {
  const groups = readsMonthlyCounts(scope, bucketUnit)
    ? Prisma.sql`
      SELECT m."applicantType", m."channel", m."month" AS "bucket", m."cases" AS "count"
      FROM "ReceivedCasesByMonth" m
      WHERE m."organizationId" = ${scope.organizationId} AND m."month" >= ${sqlDate(scope.from)} AND m."month" <= ${sqlDate(scope.to)} AND m."cases" <> 0`
    : Prisma.sql`
      SELECT a."applicantType", a."channel", ${bucketExpression(bucketUnit, "receivedOn")} AS "bucket", count(*) AS "count"
      FROM "Application" a
      WHERE a."organizationId" = ${scope.organizationId} AND a."voidedAt" IS NULL
        AND a."receivedOn" >= ${sqlDate(scope.from)} AND a."receivedOn" <= ${sqlDate(scope.to)}
      GROUP BY 1, 2, 3`;
  return readRows<IntakeRow>(Prisma.sql`
    SELECT g."applicantType", g."channel", g."bucket",
           GROUPING(g."applicantType", g."channel", g."bucket")::int AS "grouping",
           sum(g."count")::int AS "count"
    FROM (${groups}) g
    GROUP BY GROUPING SETS ((g."applicantType"), (g."channel"), (g."bucket"))
  `, { prepared: false });
}

interface ClosingRow {
  outcome: Outcome | null;
  bucket: Date | null;
  handlerId: string | null;
  /** GROUPING(outcome, bucket, handlerId): 3 = by outcome, 5 = by bucket, 6 = by handler, 7 = all closings. */
  grouping: number;
  count: number;
  onTime: number;
  late: number;
}

/**
 * Cases closed in the period, by outcome, by month (or day) and by handler, with the on-time split: the
 * count of each (outcome, bucket, handler) — from the monthly counts, or one scan of the period's cases
 * — then the totals from those few thousand groups (one hash lookup per case instead of one per
 * grouping set: issue 14, ADR 0085).
 */
async function countClosings(scope: Scope, bucketUnit: "month" | "day"): Promise<ClosingRow[]> {
  const groups = readsMonthlyCounts(scope, bucketUnit)
    ? Prisma.sql`
      SELECT m."outcome", m."month" AS "bucket", m."handlerId", m."cases" AS "count", m."onTime", m."late"
      FROM "ClosedCasesByMonth" m
      WHERE m."organizationId" = ${scope.organizationId} AND m."month" >= ${sqlDate(scope.from)} AND m."month" <= ${sqlDate(scope.to)} AND m."cases" <> 0`
    : Prisma.sql`
      SELECT a."outcome", ${bucketExpression(bucketUnit, "closedOn")} AS "bucket", a."handlerId",
             count(*) AS "count",
             count(*) FILTER (WHERE ${HAS_REPLY_PERIOD} AND a."closedOn" <= a."dueOn") AS "onTime",
             count(*) FILTER (WHERE ${HAS_REPLY_PERIOD} AND a."closedOn" > a."dueOn") AS "late"
      FROM "Application" a
      WHERE a."organizationId" = ${scope.organizationId} AND a."voidedAt" IS NULL
        AND a."closedOn" >= ${sqlDate(scope.from)} AND a."closedOn" <= ${sqlDate(scope.to)}
      GROUP BY 1, 2, 3`;
  return readRows<ClosingRow>(Prisma.sql`
    SELECT g."outcome", g."bucket", g."handlerId",
           GROUPING(g."outcome", g."bucket", g."handlerId")::int AS "grouping",
           sum(g."count")::int AS "count", sum(g."onTime")::int AS "onTime", sum(g."late")::int AS "late"
    FROM (${groups}) g
    GROUP BY GROUPING SETS ((g."outcome"), (g."bucket"), (g."handlerId"), ())
  `, { prepared: false });
}

interface WorkdaysCountRow {
  workdays: number;
  count: number;
}

/**
 * How many of the period's closings with a reply period took each number of working days to close,
 * net of stopped time (netWorkdaysToClose in metrics.ts: 20 + extension − working days from closedOn
 * to dueOn): the median and P90 come from these counts (percentileContOfCounts), without sorting every
 * closing. Read from ClosedCasesByDates, the closings counted per (closedOn, dueOn, extension) by the
 * triggers on "Application" (ADR 0097): a year's 100,000 closings are some 20,000 such rows. The
 * working days between two dates are the difference of their workday ordinals (workdayOrdinal in
 * metrics.ts): weekdays by arithmetic from a Monday, corrected through width_bucket by the calendar's
 * overrides passed in — no day-by-day table, no join. The overrides are read once per statement (in
 * subqueries: a cast written in the row's expression parses the thousand dates again for every row).
 */
async function countWorkdaysToClose(scope: Scope, calendar: WorkCalendar): Promise<WorkdaysCountRow[]> {
  const corrections = workdayOrdinalCorrections(calendar);
  // A first threshold before any date keeps the array non-empty (width_bucket needs one).
  const thresholds = Prisma.sql`(SELECT CAST(${[WORKDAY_ORDINAL_EPOCH, ...corrections.dates]} AS date[]))`;
  const cumulative = Prisma.sql`(SELECT CAST(${[0, ...corrections.cumulative]} AS int[]))`;
  const epoch = Prisma.sql`(SELECT CAST(${WORKDAY_ORDINAL_EPOCH} AS date))`;
  const ordinal = (column: "dueOn" | "closedOn") => {
    const value = Prisma.raw(`c."${column}"`);
    const days = Prisma.sql`(${value} - ${epoch} + 1)`;
    return Prisma.sql`(5 * (${days} / 7) + least(${days} % 7, 5) + ${cumulative}[width_bucket(${value}, ${thresholds}) + 1])`;
  };
  return readRows<WorkdaysCountRow>(Prisma.sql`
    SELECT (CAST(${REPLY_WORKDAYS} AS int) + c."extensionWorkdays" - (${ordinal("dueOn")} - ${ordinal("closedOn")}))::int AS "workdays",
           sum(c."cases")::int AS "count"
    FROM "ClosedCasesByDates" c
    WHERE c."organizationId" = ${scope.organizationId} AND c."closedOn" >= ${sqlDate(scope.from)} AND c."closedOn" <= ${sqlDate(scope.to)}
      AND c."cases" <> 0
    GROUP BY 1
  `, { prepared: false });
}

interface AppealsCountRow {
  kind: ProceedingKind;
  result: ProceedingResult | null;
  /** 1 on the row that counts the kind's cases whatever the result (a case with two results counts once). */
  allResults: number;
  count: number;
}

/**
 * Reconsiderations and lawsuits filed in the period, by result (null = 尚未审结). Counted as cases
 * (one case with two proceedings of the same kind and result counts once), leaving out those where
 * the organization is only co-defendant as 复议机关 (not counted in table 四 either).
 */
async function countAppeals(scope: Scope): Promise<AppealsCountRow[]> {
  return readRows<AppealsCountRow>(Prisma.sql`
    SELECT p."kind", p."result", GROUPING(p."result")::int AS "allResults", count(DISTINCT p."applicationId")::int AS "count"
    FROM "Proceeding" p
    WHERE p."organizationId" = ${scope.organizationId}
      AND p."filedOn" >= ${sqlDate(scope.from)} AND p."filedOn" <= ${sqlDate(scope.to)}
      AND NOT p."onlyCoDefendantAsReviewOrgan"
      AND EXISTS (SELECT 1 FROM "Application" a WHERE a."id" = p."applicationId" AND a."voidedAt" IS NULL)
    GROUP BY GROUPING SETS ((p."kind", p."result"), (p."kind"))
  `, { prepared: false });
}

/** The first year with a received case (for the year chooser), or null for an organization without cases. */
async function findFirstCaseYear(organizationId: string): Promise<number | null> {
  // The first entry of the (organizationId, receivedOn) b-tree of the non-voided cases.
  const [first] = await readRows<{ year: number | null }>(Prisma.sql`
    SELECT CAST(extract(year FROM min("receivedOn")) AS int) AS "year" FROM "Application"
    WHERE "organizationId" = ${organizationId} AND "voidedAt" IS NULL`);
  return first?.year ?? null;
}

const bucketKey = (date: Date, unit: "month" | "day") => isoDateFromDb(date).slice(0, unit === "month" ? 7 : 10);

/** The manager's dashboard for a period: open cases now, the period's intake and closings, timing, appeals. */
export async function getManagerDashboard({
  actor,
  period,
  today,
  calendar,
}: {
  actor: Actor;
  period: DashboardPeriod;
  today: IsoDate;
  calendar: WorkCalendar;
}): Promise<ManagerDashboard> {
  assertCan(actor, "dashboard:view");
  const scope: Scope = {
    organizationId: actor.organizationId,
    today,
    lastDueSoon: lastDueSoonDate(calendar, today),
    from: period.from,
    to: period.to,
  };
  const [openRows, intakeRows, closingRows, workdaysRows, appealsRows, users, firstYear] = await Promise.all([
    countOpenByHandler(scope),
    countIntake(scope, period.bucketUnit),
    countClosings(scope, period.bucketUnit),
    countWorkdaysToClose(scope, calendar),
    countAppeals(scope),
    readRows<{ id: string; displayName: string; active: boolean }>(Prisma.sql`
      SELECT "id", "displayName", "active" FROM "User" WHERE "organizationId" = ${actor.organizationId}
      ORDER BY "displayName" ASC, "id" ASC`),
    findFirstCaseYear(actor.organizationId),
  ]);

  const receivedFilter = { receivedFrom: period.from, receivedTo: period.to };
  const closedFilter = { closedFrom: period.from, closedTo: period.to };

  // Closings by outcome, bucket and handler, with the on-time split.
  const closedByOutcome = new Map<Outcome, number>();
  const closedByBucket = new Map<string, number>();
  const closedByHandler = new Map<string | null, number>();
  let closedTotal = 0;
  let onTime = 0;
  let late = 0;
  for (const row of closingRows) {
    if (row.grouping === 3 && row.outcome) closedByOutcome.set(row.outcome, row.count);
    else if (row.grouping === 5 && row.bucket) closedByBucket.set(bucketKey(row.bucket, period.bucketUnit), row.count);
    else if (row.grouping === 6) closedByHandler.set(row.handlerId, row.count);
    else if (row.grouping === 7) {
      closedTotal = row.count;
      onTime = row.onTime;
      late = row.late;
    }
  }

  const workdaysHistogram = workdaysRows.map((row) => ({ value: row.workdays, count: row.count }));

  // Open now and workload.
  const openByHandler = new Map(openRows.map((row) => [row.handlerId, row]));
  const sumOpen = (pick: (row: OpenCountsRow) => number) => openRows.reduce((total, row) => total + pick(row), 0);
  const hasCases = (handlerId: string | null) => openByHandler.has(handlerId) || closedByHandler.has(handlerId);
  const workload: WorkloadRow[] = [];
  const handlerRow = (handlerId: string | null, name: string, active: boolean): WorkloadRow => {
    const counts = openByHandler.get(handlerId);
    const handler = handlerId === null ? ("none" as const) : { userId: handlerId };
    return {
      handlerId,
      name,
      active,
      open: listed(counts?.open ?? 0, { status: "OPEN", handler }),
      dueSoon: listed(counts?.dueSoon ?? 0, { due: "soon", handler }),
      overdue: listed(counts?.overdue ?? 0, { due: "overdue", handler }),
      closed: listed(closedByHandler.get(handlerId) ?? 0, { ...closedFilter, handler }),
    };
  };
  for (const user of users) {
    if (user.active || hasCases(user.id)) workload.push(handlerRow(user.id, user.displayName, user.active));
  }
  if (hasCases(null)) workload.push(handlerRow(null, "未分配", true));

  // Intake by applicant type, channel and bucket.
  const receivedByType = new Map<ApplicantType, number>();
  const receivedByChannel = new Map<Channel, number>();
  const receivedByBucket = new Map<string, number>();
  for (const row of intakeRows) {
    if (row.grouping === 3 && row.applicantType) receivedByType.set(row.applicantType, row.count);
    else if (row.grouping === 5 && row.channel) receivedByChannel.set(row.channel, row.count);
    else if (row.grouping === 6 && row.bucket) receivedByBucket.set(bucketKey(row.bucket, period.bucketUnit), row.count);
  }
  const receivedTotal = [...receivedByType.values()].reduce((total, count) => total + count, 0);

  const outcomes: OutcomeGroupRow[] = [];
  for (const outcome of OUTCOMES) {
    const groupLabel = OUTCOME_GROUPS[outcome];
    let group = outcomes.at(-1);
    if (group?.label !== groupLabel) {
      group = { label: groupLabel, total: listed(0, closedFilter), leaves: [] };
      outcomes.push(group);
    }
    group.leaves.push({ key: outcome, label: OUTCOME_LABELS[outcome], metric: listed(closedByOutcome.get(outcome) ?? 0, { ...closedFilter, outcome }) });
  }
  for (const group of outcomes) {
    const count = group.leaves.reduce((total, leaf) => total + leaf.metric.count, 0);
    const [onlyLeaf] = group.leaves;
    const outcomeGroup = (Object.keys(CASE_LIST_OUTCOME_GROUPS) as CaseListOutcomeGroup[]).find((key) => CASE_LIST_OUTCOME_GROUPS[key] === group.label);
    group.total = group.leaves.length === 1 && onlyLeaf ? { ...onlyLeaf.metric } : listed(count, { ...closedFilter, outcomeGroup });
  }

  const series: PeriodSeriesRow[] = period.buckets.map((bucket) => ({
    key: bucket.key,
    label: bucket.label,
    from: bucket.from,
    to: bucket.to,
    received: listed(receivedByBucket.get(bucket.key) ?? 0, { receivedFrom: bucket.from, receivedTo: bucket.to }),
    closed: listed(closedByBucket.get(bucket.key) ?? 0, { closedFrom: bucket.from, closedTo: bucket.to }),
  }));

  // Appeals.
  const appeals: AppealsRow[] = (["RECONSIDERATION", "LITIGATION"] as const).map((kind) => {
    const countOf = (result: ProceedingResult | null) =>
      appealsRows.find((row) => row.kind === kind && row.allResults === 0 && row.result === result)?.count ?? 0;
    const countOfKind = (of: ProceedingKind) => appealsRows.find((row) => row.kind === of && row.allResults === 1)?.count ?? 0;
    const upheld = countOf("UPHELD");
    const corrected = countOf("CORRECTED");
    const other = countOf("OTHER");
    const pending = countOf(null);
    const filed = { proceeding: kind, proceedingFiledFrom: period.from, proceedingFiledTo: period.to } as const;
    return {
      kind,
      label: PROCEEDING_KIND_LABELS[kind],
      upheld: listed(upheld, { ...filed, proceedingResult: "UPHELD" }),
      corrected: listed(corrected, { ...filed, proceedingResult: "CORRECTED" }),
      other: listed(other, { ...filed, proceedingResult: "OTHER" }),
      pending: listed(pending, { ...filed, proceedingResult: "PENDING" }),
      total: listed(countOfKind(kind), filed),
      correctionRate: percentage(corrected, upheld + corrected + other),
    };
  });

  const thisYear = Number(today.slice(0, 4));
  const oldestYear = Math.max(FIRST_DASHBOARD_YEAR, Math.min(firstYear ?? thisYear, thisYear));
  const years = Array.from({ length: thisYear - oldestYear + 1 }, (_, index) => thisYear - index);

  return {
    today,
    period,
    years,
    openNow: listed(sumOpen((row) => row.open), { status: "OPEN" }),
    dueSoon: listed(sumOpen((row) => row.dueSoon), { due: "soon" }),
    overdue: listed(sumOpen((row) => row.overdue), { due: "overdue" }),
    received: listed(receivedTotal, receivedFilter),
    closed: listed(closedTotal, closedFilter),
    onTime: listed(onTime, { ...closedFilter, timeliness: "onTime" }),
    late: listed(late, { ...closedFilter, timeliness: "late" }),
    onTimeRate: percentage(onTime, onTime + late),
    workdaysToClose: {
      cases: workdaysHistogram.reduce((total, bin) => total + bin.count, 0),
      median: percentileContOfCounts(workdaysHistogram, 0.5),
      p90: percentileContOfCounts(workdaysHistogram, 0.9),
    },
    outcomes,
    applicantTypes: (Object.keys(APPLICANT_TYPE_LABELS) as ApplicantType[]).map((type) => ({
      key: type,
      label: APPLICANT_TYPE_LABELS[type],
      metric: listed(receivedByType.get(type) ?? 0, { ...receivedFilter, applicantType: type }),
    })),
    channels: (Object.keys(CHANNEL_LABELS) as Channel[]).map((channel) => ({
      key: channel,
      label: CHANNEL_LABELS[channel],
      metric: listed(receivedByChannel.get(channel) ?? 0, { ...receivedFilter, channel }),
    })),
    series,
    workload,
    appeals,
  };
}

