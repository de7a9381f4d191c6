// The annual report's tables 三 and 四 and section 六's fee figures, aggregated in SQL from the
// classified case rows (architecture.md: "classify once, aggregate fast"), the checks of rules.md §6,
// and the drill-down that lists the cases behind one figure. lib/reports/model.ts states the same
// rules in TypeScript; tests/report.integration.test.ts asserts that both agree on random case logs.
//
// Every predicate below is one Prisma.sql fragment used by both the aggregation and the drill-down, so
// a figure and the list of its cases cannot drift apart. Values are bind parameters; only fixed SQL is
// spliced in. The year's queries each read one index range: receipt dates (organizationId, receivedOn),
// closing dates (organizationId, closedOn), the cases open at a date (the GiST index on the
// [receivedOn, closedOn) range, migration 20261121040000), fee dates (partial indexes, same migration)
// and the proceedings (organizationId, filedOn / decidedOn).
import { Prisma, type AppealsBasis, type ApplicantType, type LitigationRoute, type Outcome, type ProceedingKind, type ProceedingResult } from "@prisma/client";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { addCalendarDays, type IsoDate } from "../calendar/workdays";
import { parseInput } from "../validation";
import { runReportChecks, type PublishedCarriedOut, type ReportCheck } from "./checks";
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  APPLICANT_COLUMN_KEYS,
  APPLICANT_TYPE_COLUMN_KEYS,
  COLUMN_KEYS,
  COLUMN_KEY_APPLICANT_TYPES,
  LEAF_KEYS,
  OUTCOME_LEAF_KEYS,
  ROW_KEYS,
  TOTAL_COLUMN_INDEX,
  describeReportCell,
  leafKeyForOutcome,
  outcomesForLeafKey,
  parseReportCellId,
  reportRequestSchema,
  rowCounts,
  type AppealColumnKey,
  type AppealGroupKey,
  type AppealsTable,
  type ApplicationsTable,
  type ColumnCounts,
  type FeesSummary,
  type ParsedReportCell,
  type ReportFigures,
  type ReportFormat,
  type ReportJson,
  type RowKey,
} from "./definitions";
import { reportYearBounds, type ReportYearBounds } from "./model";
import { findOpeningBalanceOf } from "./opening-balance";

// ---------------------------------------------------------------------------------------------
// Predicates (alias a = "Application", p = "Proceeding")

const dateParameter = (date: IsoDate) => Prisma.sql`CAST(${date} AS date)`;

/**
 * The cases whose [receivedOn, closedOn) range holds `date` (closedOn null: open-ended), i.e. received on
 * or before it and not closed by its end. The expression is the one of the GiST index of migration
 * 20261121040000, written out here so that PostgreSQL uses it; an invalid closedOn < receivedOn gives an
 * empty range. Added to the plain comparisons below, which say the same thing in the rules' words.
 */
function openAtEndOfRange(date: IsoDate): Prisma.Sql {
  return Prisma.sql`daterange(a."receivedOn", CASE WHEN a."closedOn" < a."receivedOn" THEN a."receivedOn" ELSE a."closedOn" END, '[)') @> ${dateParameter(date)}`;
}

const applicationPredicates = {
  /** 一: received in Y. */
  newReceived: (bounds: ReportYearBounds) =>
    Prisma.sql`a."receivedOn" BETWEEN ${dateParameter(bounds.start)} AND ${dateParameter(bounds.end)}`,
  /** 二: received before 1 Jan Y and not closed before 1 Jan Y. */
  carriedIn: (bounds: ReportYearBounds) => {
    const start = dateParameter(bounds.start);
    return Prisma.sql`(a."receivedOn" < ${start} AND (a."closedOn" IS NULL OR a."closedOn" >= ${start})
      AND ${openAtEndOfRange(addCalendarDays(bounds.start, -1))})`;
  },
  /** 三: closed in Y with a reported outcome. */
  closedInYear: (bounds: ReportYearBounds) =>
    Prisma.sql`a."closedOn" BETWEEN ${dateParameter(bounds.start)} AND ${dateParameter(bounds.end)} AND a."outcome" IS NOT NULL`,
  /** 四: received on or before 31 Dec Y and not closed by 31 Dec Y. */
  carriedOut: (bounds: ReportYearBounds) => {
    const end = dateParameter(bounds.end);
    return Prisma.sql`(a."receivedOn" <= ${end} AND (a."closedOn" IS NULL OR a."closedOn" > ${end})
      AND ${openAtEndOfRange(bounds.end)})`;
  },
  /** 六: fee notices dated in Y. */
  feeNoticed: (bounds: ReportYearBounds) =>
    Prisma.sql`a."feeNoticeOn" BETWEEN ${dateParameter(bounds.start)} AND ${dateParameter(bounds.end)}`,
  /** 六: payments dated in Y. */
  feePaid: (bounds: ReportYearBounds) => Prisma.sql`a."feePaidOn" BETWEEN ${dateParameter(bounds.start)} AND ${dateParameter(bounds.end)}`,
};

/** Decided (with a result) on or before `date`. */
function proceedingDecidedBy(date: IsoDate): Prisma.Sql {
  return Prisma.sql`(p."result" IS NOT NULL AND p."decidedOn" IS NOT NULL AND p."decidedOn" <= ${dateParameter(date)})`;
}

/** The proceedings table 四 counts for Y (rules.md §3), co-defendant-only lawsuits excluded. */
function proceedingCountedIn(bounds: ReportYearBounds, appealsBasis: AppealsBasis): Prisma.Sql {
  const start = dateParameter(bounds.start);
  const end = dateParameter(bounds.end);
  const basis =
    appealsBasis === "FILED_IN_YEAR"
      ? Prisma.sql`p."filedOn" BETWEEN ${start} AND ${end}`
      : Prisma.sql`((p."result" IS NOT NULL AND p."decidedOn" BETWEEN ${start} AND ${end})
          OR (p."filedOn" <= ${end} AND NOT ${proceedingDecidedBy(bounds.end)}))`;
  return Prisma.sql`NOT p."onlyCoDefendantAsReviewOrgan" AND ${basis}`;
}

/** The group of table 四 (definitions.ts appealGroupOf). */
const PROCEEDING_GROUP_KEY = Prisma.sql`(CASE WHEN p."kind" = 'RECONSIDERATION' THEN 'reconsideration'
  WHEN p."route" = 'AFTER_RECONSIDERATION' THEN 'litigation_after_reconsideration'
  ELSE 'litigation_direct' END)`;

/** The column of table 四 for year Y: the result when decided by 31 Dec Y, otherwise pending. */
function proceedingColumnKey(bounds: ReportYearBounds): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${proceedingDecidedBy(bounds.end)} THEN lower(p."result"::text) ELSE 'pending' END)`;
}

// ---------------------------------------------------------------------------------------------
// Aggregation

const ORGANIZATION_REPORT_SELECT = { id: true, code: true, appealsBasis: true } satisfies Prisma.OrganizationSelect;

interface ApplicantCountRow {
  applicantType: ApplicantType;
  count: number;
}

function isOutcome(value: string): value is Outcome {
  return Object.hasOwn(OUTCOME_LEAF_KEYS, value);
}

function columnCountsFrom(rows: readonly ApplicantCountRow[]): ColumnCounts {
  const counts = COLUMN_KEYS.map(() => 0);
  for (const row of rows) {
    const index = APPLICANT_COLUMN_KEYS.indexOf(APPLICANT_TYPE_COLUMN_KEYS[row.applicantType]);
    counts[index] = (counts[index] ?? 0) + row.count;
    counts[TOTAL_COLUMN_INDEX] = (counts[TOTAL_COLUMN_INDEX] ?? 0) + row.count;
  }
  return counts;
}

function countCasesByApplicantType(organizationId: string, predicate: Prisma.Sql): Promise<ApplicantCountRow[]> {
  return db.$queryRaw<ApplicantCountRow[]>(Prisma.sql`
    SELECT a."applicantType" AS "applicantType", count(*)::int AS "count"
    FROM "Application" a
    WHERE a."organizationId" = ${organizationId} AND ${predicate}
    GROUP BY a."applicantType"`);
}

interface ClosedCountRow extends ApplicantCountRow {
  outcome: string;
}

async function computeApplicationsTable(organizationId: string, bounds: ReportYearBounds, format: ReportFormat): Promise<ApplicationsTable> {
  const [received, carriedIn, closed, carriedOut] = await Promise.all([
    countCasesByApplicantType(organizationId, applicationPredicates.newReceived(bounds)),
    countCasesByApplicantType(organizationId, applicationPredicates.carriedIn(bounds)),
    db.$queryRaw<ClosedCountRow[]>(Prisma.sql`
      SELECT a."outcome"::text AS "outcome", a."applicantType" AS "applicantType", count(*)::int AS "count"
      FROM "Application" a
      WHERE a."organizationId" = ${organizationId} AND ${applicationPredicates.closedInYear(bounds)}
      GROUP BY a."outcome", a."applicantType"`),
    countCasesByApplicantType(organizationId, applicationPredicates.carriedOut(bounds)),
  ]);

  const closedByLeaf = new Map<RowKey, ApplicantCountRow[]>();
  for (const row of closed) {
    if (!isOutcome(row.outcome)) throw new Error(`未知的办理结果：${row.outcome}`);
    const leaf = leafKeyForOutcome(row.outcome, format);
    const rows = closedByLeaf.get(leaf) ?? [];
    rows.push(row);
    closedByLeaf.set(leaf, rows);
  }

  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS[format]) {
    if (key === "new_received") rows[key] = columnCountsFrom(received);
    else if (key === "carried_in") rows[key] = columnCountsFrom(carriedIn);
    else if (key === "carried_out") rows[key] = columnCountsFrom(carriedOut);
    else if (key === "closed_total") {
      rows[key] = COLUMN_KEYS.map((_column, index) => LEAF_KEYS[format].reduce((sum, leaf) => sum + (rows[leaf]?.[index] ?? 0), 0));
    } else rows[key] = columnCountsFrom(closedByLeaf.get(key) ?? []);
  }
  return { columns: [...COLUMN_KEYS], rows };
}

interface AppealCountRow {
  groupKey: string;
  columnKey: string;
  count: number;
}

function isAppealGroupKey(value: string): value is AppealGroupKey {
  return (APPEAL_GROUP_KEYS as readonly string[]).includes(value);
}

function isAppealColumnKey(value: string): value is AppealColumnKey {
  return (APPEAL_COLUMN_KEYS as readonly string[]).includes(value);
}

async function computeAppealsTable(organizationId: string, bounds: ReportYearBounds, appealsBasis: AppealsBasis): Promise<AppealsTable> {
  const rows = await db.$queryRaw<AppealCountRow[]>(Prisma.sql`
    SELECT ${PROCEEDING_GROUP_KEY} AS "groupKey", ${proceedingColumnKey(bounds)} AS "columnKey", count(*)::int AS "count"
    FROM "Proceeding" p
    WHERE p."organizationId" = ${organizationId} AND ${proceedingCountedIn(bounds, appealsBasis)}
    GROUP BY 1, 2`);
  const table = {} as AppealsTable;
  for (const group of APPEAL_GROUP_KEYS) {
    table[group] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
  }
  for (const row of rows) {
    if (!isAppealGroupKey(row.groupKey) || !isAppealColumnKey(row.columnKey)) {
      throw new Error(`未知的复议诉讼分组：${row.groupKey} / ${row.columnKey}`);
    }
    table[row.groupKey][row.columnKey] += row.count;
    table[row.groupKey].total += row.count;
  }
  return table;
}

async function computeFeesSummary(organizationId: string, bounds: ReportYearBounds): Promise<FeesSummary> {
  const [row] = await db.$queryRaw<FeesSummary[]>(Prisma.sql`
    SELECT noticed."notices", noticed."amount_noticed", paid."amount_collected"
    FROM (
      SELECT count(*)::int AS "notices", COALESCE(sum(a."feeAmount"), 0)::numeric(20, 2)::text AS "amount_noticed"
      FROM "Application" a
      WHERE a."organizationId" = ${organizationId} AND ${applicationPredicates.feeNoticed(bounds)}
    ) noticed, (
      SELECT COALESCE(sum(a."feePaidAmount"), 0)::numeric(20, 2)::text AS "amount_collected"
      FROM "Application" a
      WHERE a."organizationId" = ${organizationId} AND ${applicationPredicates.feePaid(bounds)}
    ) paid`);
  return row ?? { notices: 0, amount_noticed: "0.00", amount_collected: "0.00" };
}

async function computeReportFigures(
  organizationId: string,
  year: number,
  format: ReportFormat,
  appealsBasis: AppealsBasis,
): Promise<ReportFigures> {
  const bounds = reportYearBounds(year);
  const [applications, appeals, fees] = await Promise.all([
    computeApplicationsTable(organizationId, bounds, format),
    computeAppealsTable(organizationId, bounds, appealsBasis),
    computeFeesSummary(organizationId, bounds),
  ]);
  return { year, format, applications, appeals, fees };
}

/** The snapshot's report is the report as data (interfaces.md §3); only 四 is read here. */
const publishedCarriedOutSchema = z.object({
  applications: z.object({ rows: z.object({ carried_out: z.array(z.number().int().nonnegative()).length(COLUMN_KEYS.length) }) }),
});

async function findPublishedCarriedOut(organizationId: string, year: number): Promise<PublishedCarriedOut | null> {
  const snapshot = await db.reportSnapshot.findFirst({
    where: { organizationId, year },
    orderBy: { version: "desc" },
    select: { version: true, report: true },
  });
  if (!snapshot) return null;
  const parsed = publishedCarriedOutSchema.safeParse(snapshot.report);
  return { version: snapshot.version, carriedOut: parsed.success ? parsed.data.applications.rows.carried_out : null };
}

/** 四 of Y−1 generated now, by the same query as any year's 四. */
async function computeCarriedOut(organizationId: string, year: number): Promise<ColumnCounts> {
  return columnCountsFrom(await countCasesByApplicantType(organizationId, applicationPredicates.carriedOut(reportYearBounds(year))));
}

async function computeReportOf(
  organization: { id: string; code: string; appealsBasis: AppealsBasis },
  year: number,
  format: ReportFormat,
): Promise<ReportJson> {
  const [figures, previousYearCarriedOut, publishedPreviousYear, openingBalance] = await Promise.all([
    computeReportFigures(organization.id, year, format, organization.appealsBasis),
    computeCarriedOut(organization.id, year - 1),
    findPublishedCarriedOut(organization.id, year - 1),
    findOpeningBalanceOf(organization.id),
  ]);
  const checks: ReportCheck[] = runReportChecks({ figures, previousYearCarriedOut, publishedPreviousYear, openingBalance });
  return reportToJson({ org: organization.code, ...figures, checks });
}

/** The actor's organization's report for a year (any signed-in role). `format` defaults by year. */
export async function computeReport({ actor, year, format }: { actor: Actor; year: number; format?: ReportFormat }): Promise<ReportJson> {
  const request = parseInput(reportRequestSchema, { year, format });
  const organization = await db.organization.findUnique({ where: { id: actor.organizationId }, select: ORGANIZATION_REPORT_SELECT });
  if (!organization) throw new AppError("NOT_FOUND", "未找到本机构");
  return computeReportOf(organization, request.year, request.format);
}

/** For the operator's command line and the benchmark: any organization, by id. */
export async function computeReportForOrganization({
  organizationId,
  year,
  format,
}: {
  organizationId: string;
  year: number;
  format?: ReportFormat;
}): Promise<ReportJson> {
  const request = parseInput(reportRequestSchema, { year, format });
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: ORGANIZATION_REPORT_SELECT });
  if (!organization) throw new AppError("NOT_FOUND", "未找到该机构");
  return computeReportOf(organization, request.year, request.format);
}

/** For the operator's command line: any organization, by its code. */
export async function computeReportForOrganizationCode({
  organizationCode,
  year,
  format,
}: {
  organizationCode: string;
  year: number;
  format?: ReportFormat;
}): Promise<ReportJson> {
  const request = parseInput(reportRequestSchema, { year, format });
  const organization = await db.organization.findUnique({ where: { code: organizationCode }, select: ORGANIZATION_REPORT_SELECT });
  if (!organization) throw new AppError("NOT_FOUND", `机构 ${organizationCode} 不存在`);
  return computeReportOf(organization, request.year, request.format);
}

/**
 * The report as data exactly as interfaces.md §3 lays it out: only its keys, in its order (rows in
 * table order, table 四 groups and columns in table order), whatever else the object carries.
 */
export function reportToJson(report: ReportJson): ReportJson {
  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS[report.format]) rows[key] = [...rowCounts(report.applications, key)];
  const appeals = {} as AppealsTable;
  for (const group of APPEAL_GROUP_KEYS) {
    const counts = report.appeals[group];
    appeals[group] = { upheld: counts.upheld, corrected: counts.corrected, other: counts.other, pending: counts.pending, total: counts.total };
  }
  return {
    org: report.org,
    year: report.year,
    format: report.format,
    applications: { columns: [...COLUMN_KEYS], rows },
    appeals,
    fees: { notices: report.fees.notices, amount_noticed: report.fees.amount_noticed, amount_collected: report.fees.amount_collected },
    checks: report.checks.map((check) => ({ rule: check.rule, ok: check.ok, detail: check.detail })),
  };
}

// ---------------------------------------------------------------------------------------------
// Drill-down

/** One case behind a figure; for a table 四 figure, with the proceeding that is counted. */
export interface ReportCellCase {
  /** What the cell counts: the case's id, or for table 四 the proceeding's id (the model's cell ids). */
  countedId: string;
  applicationId: string;
  caseNumber: string;
  applicantName: string;
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
  feeNoticeOn: IsoDate | null;
  feeAmount: string | null;
  feePaidOn: IsoDate | null;
  feePaidAmount: string | null;
  proceeding: {
    id: string;
    kind: ProceedingKind;
    route: LitigationRoute | null;
    filedOn: IsoDate;
    result: ProceedingResult | null;
    decidedOn: IsoDate | null;
  } | null;
}

export interface ReportCellCases {
  cell: string;
  /** e.g. "（三）1 属于国家秘密 · 自然人". */
  description: string;
  cases: ReportCellCase[];
}

interface CellCaseRow {
  countedId: string;
  applicationId: string;
  caseNumber: string;
  applicantName: string;
  applicantType: ApplicantType;
  receivedOn: string;
  closedOn: string | null;
  outcome: Outcome | null;
  feeNoticeOn: string | null;
  feeAmount: string | null;
  feePaidOn: string | null;
  feePaidAmount: string | null;
  proceedingId: string | null;
  proceedingKind: ProceedingKind | null;
  proceedingRoute: LitigationRoute | null;
  proceedingFiledOn: string | null;
  proceedingResult: ProceedingResult | null;
  proceedingDecidedOn: string | null;
}

const CASE_COLUMNS = Prisma.sql`
  a."id" AS "applicationId", a."caseNumber" AS "caseNumber", a."applicantName" AS "applicantName",
  a."applicantType" AS "applicantType", to_char(a."receivedOn", 'YYYY-MM-DD') AS "receivedOn",
  to_char(a."closedOn", 'YYYY-MM-DD') AS "closedOn", a."outcome" AS "outcome",
  to_char(a."feeNoticeOn", 'YYYY-MM-DD') AS "feeNoticeOn", a."feeAmount"::text AS "feeAmount",
  to_char(a."feePaidOn", 'YYYY-MM-DD') AS "feePaidOn", a."feePaidAmount"::text AS "feePaidAmount"`;

function applicationCellPredicate(cell: Extract<ParsedReportCell, { table: "applications" }>, bounds: ReportYearBounds): Prisma.Sql {
  let rowPredicate: Prisma.Sql;
  if (cell.row === "new_received") rowPredicate = applicationPredicates.newReceived(bounds);
  else if (cell.row === "carried_in") rowPredicate = applicationPredicates.carriedIn(bounds);
  else if (cell.row === "carried_out") rowPredicate = applicationPredicates.carriedOut(bounds);
  else if (cell.row === "closed_total") rowPredicate = applicationPredicates.closedInYear(bounds);
  else {
    const outcomes = outcomesForLeafKey(cell.row);
    rowPredicate = Prisma.sql`${applicationPredicates.closedInYear(bounds)}
      AND a."outcome" IN (${Prisma.join(outcomes.map((outcome) => Prisma.sql`CAST(${outcome} AS "Outcome")`))})`;
  }
  if (cell.column === "total") return rowPredicate;
  return Prisma.sql`${rowPredicate} AND a."applicantType" = CAST(${COLUMN_KEY_APPLICANT_TYPES[cell.column]} AS "ApplicantType")`;
}

async function findCellRows(
  organizationId: string,
  cell: ParsedReportCell,
  bounds: ReportYearBounds,
  appealsBasis: AppealsBasis,
): Promise<CellCaseRow[]> {
  const noProceeding = Prisma.sql`NULL::text AS "proceedingId", NULL::"ProceedingKind" AS "proceedingKind",
    NULL::"LitigationRoute" AS "proceedingRoute", NULL::text AS "proceedingFiledOn",
    NULL::"ProceedingResult" AS "proceedingResult", NULL::text AS "proceedingDecidedOn"`;
  if (cell.table === "appeals") {
    const conditions = [Prisma.sql`p."organizationId" = ${organizationId}`, proceedingCountedIn(bounds, appealsBasis)];
    conditions.push(Prisma.sql`${PROCEEDING_GROUP_KEY} = ${cell.group}`);
    if (cell.column !== "total") conditions.push(Prisma.sql`${proceedingColumnKey(bounds)} = ${cell.column}`);
    return db.$queryRaw<CellCaseRow[]>(Prisma.sql`
      SELECT p."id" AS "countedId", ${CASE_COLUMNS},
        p."id" AS "proceedingId", p."kind" AS "proceedingKind", p."route" AS "proceedingRoute",
        to_char(p."filedOn", 'YYYY-MM-DD') AS "proceedingFiledOn", p."result" AS "proceedingResult",
        to_char(p."decidedOn", 'YYYY-MM-DD') AS "proceedingDecidedOn"
      FROM "Proceeding" p JOIN "Application" a ON a."id" = p."applicationId"
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY a."caseNumber", p."filedOn", p."id"`);
  }
  const predicate =
    cell.table === "applications"
      ? applicationCellPredicate(cell, bounds)
      : cell.fee === "amount_collected"
        ? applicationPredicates.feePaid(bounds)
        : applicationPredicates.feeNoticed(bounds);
  return db.$queryRaw<CellCaseRow[]>(Prisma.sql`
    SELECT a."id" AS "countedId", ${CASE_COLUMNS}, ${noProceeding}
    FROM "Application" a
    WHERE a."organizationId" = ${organizationId} AND ${predicate}
    ORDER BY a."caseNumber", a."id"`);
}

function toCellCase(row: CellCaseRow): ReportCellCase {
  return {
    countedId: row.countedId,
    applicationId: row.applicationId,
    caseNumber: row.caseNumber,
    applicantName: row.applicantName,
    applicantType: row.applicantType,
    receivedOn: row.receivedOn,
    closedOn: row.closedOn,
    outcome: row.outcome,
    feeNoticeOn: row.feeNoticeOn,
    feeAmount: row.feeAmount,
    feePaidOn: row.feePaidOn,
    feePaidAmount: row.feePaidAmount,
    proceeding:
      row.proceedingId && row.proceedingKind && row.proceedingFiledOn
        ? {
            id: row.proceedingId,
            kind: row.proceedingKind,
            route: row.proceedingRoute,
            filedOn: row.proceedingFiledOn,
            result: row.proceedingResult,
            decidedOn: row.proceedingDecidedOn,
          }
        : null,
  };
}

/**
 * Exactly the cases one figure of the actor's organization's report counts (for table 四: one entry per
 * counted proceeding). `cell` is a cell id such as "applications.granted.natural_person",
 * "appeals.reconsideration.pending" or "fees.amount_collected".
 */
export async function findReportCellCases({
  actor,
  year,
  format,
  cell,
}: {
  actor: Actor;
  year: number;
  format?: ReportFormat;
  cell: string;
}): Promise<ReportCellCases> {
  const request = parseInput(reportRequestSchema, { year, format });
  const parsedCell = parseReportCellId(cell, request.format);
  if (!parsedCell) throw new AppError("VALIDATION", `报表中没有这一格：${cell}`);
  const organization = await db.organization.findUnique({ where: { id: actor.organizationId }, select: ORGANIZATION_REPORT_SELECT });
  if (!organization) throw new AppError("NOT_FOUND", "未找到本机构");
  const rows = await findCellRows(organization.id, parsedCell, reportYearBounds(request.year), organization.appealsBasis);
  return { cell, description: describeReportCell(parsedCell, request.format), cases: rows.map(toCellCase) };
}
