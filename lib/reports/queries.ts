// The annual report's tables 三 and 四 and section 六's fee figures, aggregated in SQL from the
// classified case rows (architecture.md: "classify once, aggregate fast"), the checks of rules.md §6,
// the ids behind every cell (for a publication's snapshot and the differences from it), and the
// drill-down that lists the cases behind one figure. lib/reports/model.ts states the same rules in
// TypeScript as the tests' oracle; tests/report.integration.test.ts asserts that both agree.
//
// Every predicate below is one Prisma.sql fragment used by the aggregation, the cell lists and the
// drill-down, so a figure and the list of its cases cannot drift apart: each table is one statement
// that groups the rows by cell and returns, per group, the count and, when asked for, the ids
// (array_agg) or their digest (count and sum of hashes, for the report page's differences, ADR 0086). A publication's cell lists are built by PostgreSQL itself from the same predicates
// (reportCellListsWith, ADR 0096), so that at 1,000,000 cases they never cross into Node. Every
// scoping of Application rows goes through applicationScope(). Values are bind
// parameters; only fixed SQL is spliced in. The year's queries each read one index range: receipt
// dates (organizationId, receivedOn), closing dates (organizationId, closedOn), the cases open at a
// date (the GiST index on the [receivedOn, closedOn) range, migration 20261121040000), fee dates
// (partial indexes, same migration) and the proceedings (organizationId, filedOn / decidedOn).
import "server-only";
import { Prisma, type AppealsBasis, type ApplicantType, type LitigationRoute, type Outcome, type ProceedingKind, type ProceedingResult } from "@prisma/client";
import { z } from "zod";
import { db, type Transaction } from "../db";
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
  OUTCOME_LEAF_KEYS,
  ROW_KEYS,
  TOTAL_COLUMN_INDEX,
  appealsCellId,
  applicationsCellId,
  describeReportCell,
  feesCellId,
  leafKeyForOutcome,
  outcomesForLeafKey,
  parseReportCellId,
  reportRequestSchema,
  reportYearBounds,
  rowCounts,
  type AppealColumnKey,
  type AppealGroupKey,
  type AppealsTable,
  type ApplicationsTable,
  type ColumnCounts,
  type FeesSummary,
  type ParsedReportCell,
  type ReportCellId,
  type ReportCells,
  type ReportFigures,
  type ReportFormat,
  type ReportJson,
  type ReportYearBounds,
  type RowKey,
} from "./definitions";
import { findOpeningBalanceOf } from "./opening-balance";

/** What the report's statements run on: a transaction (one snapshot), or the pool for one statement. */
export type ReportReader = Pick<Transaction, "$queryRaw" | "openingBalance">;

/**
 * The organization's cases as every report statement reads them (alias a = "Application"): the one
 * place that says which cases a report counts: the organization's, never a voided one (作废).
 */
export function applicationScope(organizationId: string): Prisma.Sql {
  return Prisma.sql`a."organizationId" = ${organizationId} AND a."voidedAt" IS NULL`;
}

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
  /** 六: fee notices dated in Y (a notice of 0 元 is none, rules.md §4; an imported one may lack its amount). */
  feeNoticed: (bounds: ReportYearBounds) =>
    Prisma.sql`a."feeNoticeOn" BETWEEN ${dateParameter(bounds.start)} AND ${dateParameter(bounds.end)} AND (a."feeAmount" IS NULL OR a."feeAmount" > 0)`,
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
// Aggregation: one statement per table, grouped by cell, with the ids of each group when asked for

/** Read-only report reads and publication: one snapshot of the database for every query (rules.md §6.5). */
export const REPORT_SNAPSHOT_TRANSACTION = {
  isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
  maxWait: 10_000,
  /** A year with its cell lists over 1,000,000 cases takes seconds; the default of 5 s is too short. */
  timeout: 120_000,
} as const;

const ORGANIZATION_REPORT_SELECT = { id: true, code: true, name: true, appealsBasis: true } satisfies Prisma.OrganizationSelect;

export interface ReportOrganization {
  id: string;
  code: string;
  name: string;
  appealsBasis: AppealsBasis;
}

/** The ids behind a group (array_agg) or nothing, when only the figures are wanted. */
function idsOf(withIds: boolean, id: Prisma.Sql): Prisma.Sql {
  return withIds ? Prisma.sql`array_agg(${id})` : Prisma.sql`NULL::text[]`;
}

/** Adds one group's ids to a cell; the lists are sorted once all groups are in. */
function addIds(cells: Map<ReportCellId, string[]>, cell: ReportCellId, ids: readonly string[] | null): void {
  if (!ids || ids.length === 0) return;
  const list = cells.get(cell);
  if (list) list.push(...ids);
  else cells.set(cell, [...ids]);
}

/**
 * What a group's ids add to a cell's digest (withCells "digests"): their number and the sum of their
 * 64-bit hashes, "count:sum". Both add up over the groups of a cell, in any order, so a cell's digest is
 * a function of the multiset of its ids; publication.ts computes the same from a stored list.
 */
function digestOf(withDigests: boolean, id: Prisma.Sql): Prisma.Sql {
  return withDigests ? Prisma.sql`count(*)::text || ':' || sum(hashtextextended(${id}, 0))::text` : Prisma.sql`NULL::text`;
}

/** Adds one group's digest to a cell's. */
function addDigest(digests: Map<ReportCellId, [number, bigint]>, cell: ReportCellId, digest: string | null): void {
  if (!digest) return;
  const [count, sum] = digest.split(":");
  const [total, hashes] = digests.get(cell) ?? [0, 0n];
  digests.set(cell, [total + Number(count), hashes + BigInt(sum ?? "0")]);
}

function sortedCells(cells: Map<ReportCellId, string[]>): ReportCells {
  const sorted: ReportCells = {};
  for (const [cell, ids] of cells) sorted[cell] = ids.sort();
  return sorted;
}

interface ApplicantCountRow {
  applicantType: ApplicantType;
  count: number;
}

function isOutcome(value: string): value is Outcome {
  return Object.hasOwn(OUTCOME_LEAF_KEYS, value);
}

function columnIndexOf(applicantType: ApplicantType): number {
  return APPLICANT_COLUMN_KEYS.indexOf(APPLICANT_TYPE_COLUMN_KEYS[applicantType]);
}

function columnCountsFrom(rows: readonly ApplicantCountRow[]): ColumnCounts {
  const counts = COLUMN_KEYS.map(() => 0);
  for (const row of rows) {
    const index = columnIndexOf(row.applicantType);
    counts[index] = (counts[index] ?? 0) + row.count;
    counts[TOTAL_COLUMN_INDEX] = (counts[TOTAL_COLUMN_INDEX] ?? 0) + row.count;
  }
  return counts;
}

type ApplicationGroupKind = "new_received" | "carried_in" | "closed" | "carried_out";

interface ApplicationGroupRow extends ApplicantCountRow {
  kind: ApplicationGroupKind;
  /** For "closed": the outcome (one leaf row, or part of the 2019 （六）). */
  outcome: string | null;
  ids: string[] | null;
  digest: string | null;
}

/** The rows of table 三 by applicant type (and outcome for 三), in one statement: one snapshot even on its own. */
function selectApplicationGroups(reader: ReportReader, organizationId: string, bounds: ReportYearBounds, withIds: boolean, withDigests: boolean) {
  const scope = applicationScope(organizationId);
  const ids = Prisma.sql`${idsOf(withIds, Prisma.sql`a."id"`)} AS "ids", ${digestOf(withDigests, Prisma.sql`a."id"`)}`;
  const byApplicantType = (kind: Exclude<ApplicationGroupKind, "closed">, predicate: Prisma.Sql) => Prisma.sql`
    SELECT ${kind}::text AS "kind", NULL::text AS "outcome", a."applicantType" AS "applicantType", count(*)::int AS "count", ${ids} AS "digest"
    FROM "Application" a WHERE ${scope} AND ${predicate}
    GROUP BY a."applicantType"`;
  return reader.$queryRaw<ApplicationGroupRow[]>(Prisma.sql`
    ${byApplicantType("new_received", applicationPredicates.newReceived(bounds))}
    UNION ALL
    ${byApplicantType("carried_in", applicationPredicates.carriedIn(bounds))}
    UNION ALL
    SELECT 'closed' AS "kind", a."outcome"::text AS "outcome", a."applicantType" AS "applicantType", count(*)::int AS "count", ${ids} AS "digest"
    FROM "Application" a WHERE ${scope} AND ${applicationPredicates.closedInYear(bounds)}
    GROUP BY a."outcome", a."applicantType"
    UNION ALL
    ${byApplicantType("carried_out", applicationPredicates.carriedOut(bounds))}`);
}

function applicationsFromGroups(groups: readonly ApplicationGroupRow[], format: ReportFormat, cells: Map<ReportCellId, string[]>, digests: Map<ReportCellId, [number, bigint]>): ApplicationsTable {
  const rowsByKey = new Map<RowKey, ApplicantCountRow[]>();
  const add = (row: RowKey, group: ApplicationGroupRow) => {
    rowsByKey.set(row, [...(rowsByKey.get(row) ?? []), group]);
    addIds(cells, applicationsCellId(row, APPLICANT_TYPE_COLUMN_KEYS[group.applicantType]), group.ids);
    addIds(cells, applicationsCellId(row, "total"), group.ids);
    addDigest(digests, applicationsCellId(row, APPLICANT_TYPE_COLUMN_KEYS[group.applicantType]), group.digest);
    addDigest(digests, applicationsCellId(row, "total"), group.digest);
  };
  for (const group of groups) {
    if (group.kind !== "closed") {
      add(group.kind, group);
      continue;
    }
    if (!group.outcome || !isOutcome(group.outcome)) throw new Error(`未知的办理结果：${group.outcome}`);
    add(leafKeyForOutcome(group.outcome, format), group);
    add("closed_total", group);
  }
  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS[format]) rows[key] = columnCountsFrom(rowsByKey.get(key) ?? []);
  return { columns: [...COLUMN_KEYS], rows };
}

interface AppealGroupRow {
  groupKey: string;
  columnKey: string;
  count: number;
  ids: string[] | null;
  digest: string | null;
}

function isAppealGroupKey(value: string): value is AppealGroupKey {
  return (APPEAL_GROUP_KEYS as readonly string[]).includes(value);
}

function isAppealColumnKey(value: string): value is AppealColumnKey {
  return (APPEAL_COLUMN_KEYS as readonly string[]).includes(value);
}

/** Table 四 by group and column: the proceedings of the organization's cases. */
function selectAppealGroups(reader: ReportReader, organizationId: string, bounds: ReportYearBounds, appealsBasis: AppealsBasis, withIds: boolean, withDigests: boolean) {
  return reader.$queryRaw<AppealGroupRow[]>(Prisma.sql`
    SELECT ${PROCEEDING_GROUP_KEY} AS "groupKey", ${proceedingColumnKey(bounds)} AS "columnKey", count(*)::int AS "count",
      ${idsOf(withIds, Prisma.sql`p."id"`)} AS "ids", ${digestOf(withDigests, Prisma.sql`p."id"`)} AS "digest"
    FROM "Proceeding" p JOIN "Application" a ON a."id" = p."applicationId"
    WHERE p."organizationId" = ${organizationId} AND ${applicationScope(organizationId)} AND ${proceedingCountedIn(bounds, appealsBasis)}
    GROUP BY 1, 2`);
}

function appealsFromGroups(groups: readonly AppealGroupRow[], cells: Map<ReportCellId, string[]>, digests: Map<ReportCellId, [number, bigint]>): AppealsTable {
  const table = {} as AppealsTable;
  for (const group of APPEAL_GROUP_KEYS) {
    table[group] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
  }
  for (const row of groups) {
    if (!isAppealGroupKey(row.groupKey) || !isAppealColumnKey(row.columnKey)) {
      throw new Error(`未知的复议诉讼分组：${row.groupKey} / ${row.columnKey}`);
    }
    table[row.groupKey][row.columnKey] += row.count;
    table[row.groupKey].total += row.count;
    addIds(cells, appealsCellId(row.groupKey, row.columnKey), row.ids);
    addIds(cells, appealsCellId(row.groupKey, "total"), row.ids);
    addDigest(digests, appealsCellId(row.groupKey, row.columnKey), row.digest);
    addDigest(digests, appealsCellId(row.groupKey, "total"), row.digest);
  }
  return table;
}

interface FeeGroupRow {
  kind: "noticed" | "paid";
  count: number;
  amount: string;
  ids: string[] | null;
  digest: string | null;
}

/** Section 六: the notices dated in Y with their amounts, and the payments dated in Y (always two rows). */
function selectFeeGroups(reader: ReportReader, organizationId: string, bounds: ReportYearBounds, withIds: boolean, withDigests: boolean) {
  const scope = applicationScope(organizationId);
  const ids = Prisma.sql`${idsOf(withIds, Prisma.sql`a."id"`)} AS "ids", ${digestOf(withDigests, Prisma.sql`a."id"`)}`;
  return reader.$queryRaw<FeeGroupRow[]>(Prisma.sql`
    SELECT 'noticed' AS "kind", count(*)::int AS "count", COALESCE(sum(a."feeAmount"), 0)::numeric(20, 2)::text AS "amount", ${ids} AS "digest"
    FROM "Application" a WHERE ${scope} AND ${applicationPredicates.feeNoticed(bounds)}
    UNION ALL
    SELECT 'paid' AS "kind", count(*)::int AS "count", COALESCE(sum(a."feePaidAmount"), 0)::numeric(20, 2)::text AS "amount", ${ids} AS "digest"
    FROM "Application" a WHERE ${scope} AND ${applicationPredicates.feePaid(bounds)}`);
}

function feesFromGroups(groups: readonly FeeGroupRow[], cells: Map<ReportCellId, string[]>, digests: Map<ReportCellId, [number, bigint]>): FeesSummary {
  const noticed = groups.find((group) => group.kind === "noticed");
  const paid = groups.find((group) => group.kind === "paid");
  addIds(cells, feesCellId("notices"), noticed?.ids ?? null);
  addIds(cells, feesCellId("amount_noticed"), noticed?.ids ?? null);
  addIds(cells, feesCellId("amount_collected"), paid?.ids ?? null);
  addDigest(digests, feesCellId("notices"), noticed?.digest ?? null);
  addDigest(digests, feesCellId("amount_noticed"), noticed?.digest ?? null);
  addDigest(digests, feesCellId("amount_collected"), paid?.digest ?? null);
  return { notices: noticed?.count ?? 0, amount_noticed: noticed?.amount ?? "0.00", amount_collected: paid?.amount ?? "0.00" };
}

// ---------------------------------------------------------------------------------------------
// The cell lists built by PostgreSQL (publication): one jsonb object, never through Node

/** The cell of each row of table 三 and applicant type, and each row's 总计 (the cell ids spelled by definitions.ts). */
function applicationCellIds(format: ReportFormat): { byRowAndType: Record<string, Record<ApplicantType, ReportCellId>>; totalByRow: Record<string, ReportCellId> } {
  const byRowAndType: Record<string, Record<ApplicantType, ReportCellId>> = {};
  const totalByRow: Record<string, ReportCellId> = {};
  for (const row of ROW_KEYS[format]) {
    const byType = {} as Record<ApplicantType, ReportCellId>;
    for (const [applicantType, column] of Object.entries(APPLICANT_TYPE_COLUMN_KEYS) as [ApplicantType, (typeof APPLICANT_COLUMN_KEYS)[number]][]) {
      byType[applicantType] = applicationsCellId(row, column);
    }
    byRowAndType[row] = byType;
    totalByRow[row] = applicationsCellId(row, "total");
  }
  return { byRowAndType, totalByRow };
}

/** The cell of each group and column of table 四, and each group's 总计. */
function appealCellIds(): { byGroupAndColumn: Record<AppealGroupKey, Partial<Record<AppealColumnKey, ReportCellId>>>; totalByGroup: Record<AppealGroupKey, ReportCellId> } {
  const byGroupAndColumn = {} as Record<AppealGroupKey, Partial<Record<AppealColumnKey, ReportCellId>>>;
  const totalByGroup = {} as Record<AppealGroupKey, ReportCellId>;
  for (const group of APPEAL_GROUP_KEYS) {
    byGroupAndColumn[group] = {};
    for (const column of APPEAL_COLUMN_KEYS) if (column !== "total") byGroupAndColumn[group][column] = appealsCellId(group, column);
    totalByGroup[group] = appealsCellId(group, "total");
  }
  return { byGroupAndColumn, totalByGroup };
}

/** The row of table 三 of each outcome in the format (the 2019 （六） takes three). */
function leafKeysByOutcome(format: ReportFormat): Record<Outcome, RowKey> {
  const byOutcome = {} as Record<Outcome, RowKey>;
  for (const outcome of Object.keys(OUTCOME_LEAF_KEYS) as Outcome[]) byOutcome[outcome] = leafKeyForOutcome(outcome, format);
  return byOutcome;
}

const jsonParameter = (value: unknown) => Prisma.sql`CAST(${JSON.stringify(value)} AS jsonb)`;

/**
 * The statement's CTEs "report_cell_ids" (one row per cell and id it counts: the same predicates as
 * the figures' statements) and "report_cell_lists" (per non-empty cell: its ids as a json array
 * sorted as JavaScript sorts ASCII ids, its count and its number of distinct ids), for a statement
 * that follows with `${reportCellListsObject}` to read the lists as one { cellId: [ids] } object.
 * A case is in its row's cell and in the row's 总计, a closed case also in （七）, each by one scan: a
 * total is built from the very rows of its parts.
 */
export function reportCellListsWith({
  organizationId,
  year,
  format,
  appealsBasis,
}: {
  organizationId: string;
  year: number;
  format: ReportFormat;
  appealsBasis: AppealsBasis;
}): Prisma.Sql {
  const bounds = reportYearBounds(year);
  const scope = applicationScope(organizationId);
  const applicationCells = applicationCellIds(format);
  const appealCells = appealCellIds();
  const leafKeys = jsonParameter(leafKeysByOutcome(format));
  const byRow = (row: RowKey, predicate: Prisma.Sql) => Prisma.sql`
    SELECT ${row}::text AS "rowKey", a."applicantType"::text AS "applicantType", a."id" AS "id"
    FROM "Application" a WHERE ${scope} AND ${predicate}`;
  return Prisma.sql`
    WITH "report_rows" AS (
      ${byRow("new_received", applicationPredicates.newReceived(bounds))}
      UNION ALL
      ${byRow("carried_in", applicationPredicates.carriedIn(bounds))}
      UNION ALL
      SELECT r."rowKey", a."applicantType"::text, a."id"
      FROM "Application" a CROSS JOIN LATERAL (VALUES (${leafKeys} ->> a."outcome"::text), ('closed_total')) AS r("rowKey")
      WHERE ${scope} AND ${applicationPredicates.closedInYear(bounds)}
      UNION ALL
      ${byRow("carried_out", applicationPredicates.carriedOut(bounds))}
    ),
    "report_cell_ids" AS (
      SELECT c."cell", r."id" FROM "report_rows" r
      CROSS JOIN LATERAL (VALUES (${jsonParameter(applicationCells.byRowAndType)} -> r."rowKey" ->> r."applicantType"), (${jsonParameter(applicationCells.totalByRow)} ->> r."rowKey")) AS c("cell")
      UNION ALL
      SELECT c."cell", p."id"
      FROM "Proceeding" p JOIN "Application" a ON a."id" = p."applicationId"
      CROSS JOIN LATERAL (VALUES (${jsonParameter(appealCells.byGroupAndColumn)} -> ${PROCEEDING_GROUP_KEY} ->> ${proceedingColumnKey(bounds)}), (${jsonParameter(appealCells.totalByGroup)} ->> ${PROCEEDING_GROUP_KEY})) AS c("cell")
      WHERE p."organizationId" = ${organizationId} AND ${scope} AND ${proceedingCountedIn(bounds, appealsBasis)}
      UNION ALL
      SELECT c."cell", a."id"
      FROM "Application" a CROSS JOIN LATERAL (VALUES (${feesCellId("notices")}::text), (${feesCellId("amount_noticed")}::text)) AS c("cell")
      WHERE ${scope} AND ${applicationPredicates.feeNoticed(bounds)}
      UNION ALL
      SELECT ${feesCellId("amount_collected")}::text, a."id" FROM "Application" a WHERE ${scope} AND ${applicationPredicates.feePaid(bounds)}
    ),
    "report_cell_lists" AS (
      SELECT "cell" COLLATE "C" AS "cell", json_agg("id" ORDER BY "id" COLLATE "C") AS "ids", count(*)::int AS "count", count(DISTINCT ("id" COLLATE "C"))::int AS "distinct"
      FROM "report_cell_ids" GROUP BY "cell" COLLATE "C"
    )`;
}

/** After reportCellListsWith: the lists as one jsonb object { cellId: [ids] } (empty cells absent). */
export const reportCellListsObject = Prisma.sql`(SELECT CAST(COALESCE(json_object_agg("cell", "ids"), '{}'::json) AS jsonb) FROM "report_cell_lists")`;

/** After reportCellListsWith: per listed cell, [its number of ids, of distinct ids] as one jsonb object. */
export const reportCellListCounts = Prisma.sql`(SELECT COALESCE(jsonb_object_agg("cell", jsonb_build_array("count", "distinct")), '{}'::jsonb) FROM "report_cell_lists")`;

/** 四 of the latest published version of Y−1 (read from its snapshot's report as data, interfaces.md §3). */
async function findPublishedCarriedOut(reader: ReportReader, organizationId: string, year: number): Promise<PublishedCarriedOut | null> {
  const [snapshot] = await reader.$queryRaw<{ version: number; carriedOut: Prisma.JsonValue }[]>(Prisma.sql`
    SELECT "version", "report" -> 'applications' -> 'rows' -> 'carried_out' AS "carriedOut"
    FROM "ReportSnapshot" WHERE "organizationId" = ${organizationId} AND "year" = ${year}
    ORDER BY "version" DESC LIMIT 1`);
  if (!snapshot) return null;
  const parsed = z.array(z.number().int().nonnegative()).length(COLUMN_KEYS.length).safeParse(snapshot.carriedOut);
  return { version: snapshot.version, carriedOut: parsed.success ? parsed.data : null };
}

export interface ReportReading {
  report: ReportJson;
  /** The ids behind every non-zero cell (cases; proceedings for table 四), from the same statements as the figures. */
  cells: ReportCells;
  /** With withCells "digests" (and no ids): per non-empty cell, "count:sum" of its ids' hashes (see digestOf). */
  cellDigests?: Partial<Record<ReportCellId, string>>;
}

/**
 * The year's report (figures, and the checks with Y−1 as generated now and as published) and, with
 * `withCells`, the ids behind every cell, each table's figures and ids from one statement. Run inside a
 * REPEATABLE READ (or SERIALIZABLE) transaction, every statement sees the same snapshot of the database.
 */
export async function readReport(
  tx: ReportReader,
  { organization, year, format, withCells }: { organization: Pick<ReportOrganization, "id" | "code" | "appealsBasis">; year: number; format: ReportFormat; withCells: boolean | "digests" },
): Promise<ReportReading> {
  const bounds = reportYearBounds(year);
  const withIds = withCells === true;
  const withDigests = withCells === "digests";
  // One connection (a transaction) runs one statement at a time: these run in turn.
  const applicationGroups = await selectApplicationGroups(tx, organization.id, bounds, withIds, withDigests);
  const appealGroups = await selectAppealGroups(tx, organization.id, bounds, organization.appealsBasis, withIds, withDigests);
  const feeGroups = await selectFeeGroups(tx, organization.id, bounds, withIds, withDigests);
  // 四 of Y−1 as generated now: the cases received by 31 Dec Y−1 and not closed by then, which are the
  // cases of 二 of Y (carriedOut(Y−1) and carriedIn(Y) are the same condition, in the same snapshot).
  // Read once, with 二, instead of a second scan of the open-range index (issue 14, ADR 0085).
  const previousYearCarriedOut = columnCountsFrom(applicationGroups.filter((group) => group.kind === "carried_in"));
  const publishedPreviousYear = await findPublishedCarriedOut(tx, organization.id, year - 1);
  const openingBalance = await findOpeningBalanceOf(organization.id, tx);

  const cells = new Map<ReportCellId, string[]>();
  const digests = new Map<ReportCellId, [number, bigint]>();
  const figures: ReportFigures = {
    year,
    format,
    applications: applicationsFromGroups(applicationGroups, format, cells, digests),
    appeals: appealsFromGroups(appealGroups, cells, digests),
    fees: feesFromGroups(feeGroups, cells, digests),
  };
  const checks: ReportCheck[] = runReportChecks({ figures, previousYearCarriedOut, publishedPreviousYear, openingBalance });
  const report = reportToJson({ org: organization.code, ...figures, checks });
  if (!withDigests) return { report, cells: sortedCells(cells) };
  const cellDigests: Partial<Record<ReportCellId, string>> = {};
  for (const [cell, [count, sum]] of digests) if (count > 0) cellDigests[cell] = `${count}:${sum}`;
  return { report, cells: {}, cellDigests };
}

/** Runs `read` in a read-only REPEATABLE READ transaction: every query of it sees one snapshot. */
export function readConsistently<Result>(read: (tx: Transaction) => Promise<Result>): Promise<Result> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET TRANSACTION READ ONLY`;
    return read(tx);
  }, REPORT_SNAPSHOT_TRANSACTION);
}

async function computeReportOf(where: Prisma.OrganizationWhereUniqueInput, notFound: string, year: number, format?: ReportFormat): Promise<ReportJson> {
  const request = parseInput(reportRequestSchema, { year, format });
  return readConsistently(async (tx) => {
    const organization = await tx.organization.findUnique({ where, select: ORGANIZATION_REPORT_SELECT });
    if (!organization) throw new AppError("NOT_FOUND", notFound);
    return (await readReport(tx, { organization, year: request.year, format: request.format, withCells: false })).report;
  });
}

/** The actor's organization's report for a year (any signed-in role). `format` defaults by year. */
export async function computeReport({ actor, year, format }: { actor: Actor; year: number; format?: ReportFormat }): Promise<ReportJson> {
  return computeReportOf({ id: actor.organizationId }, "未找到本机构", year, format);
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
  return computeReportOf({ id: organizationId }, "未找到该机构", year, format);
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
  return computeReportOf({ code: organizationCode }, `机构 ${organizationCode} 不存在`, year, format);
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
    const conditions = [Prisma.sql`p."organizationId" = ${organizationId}`, applicationScope(organizationId), proceedingCountedIn(bounds, appealsBasis)];
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
    WHERE ${applicationScope(organizationId)} AND ${predicate}
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
