// The counting rules of rules.md §2, §3 and §5 (section 六) as a pure function over plain case
// records: the test oracle for the SQL of lib/reports/queries.ts, written from the rules' own wording
// rather than from the SQL. Besides the figures it names, for every non-zero cell, the cases (or, for
// table 四, the proceedings) the cell counts.
import type { AppealsBasis, ApplicantType, LitigationRoute, Outcome, ProceedingKind, ProceedingResult } from "@prisma/client";
import type { IsoDate } from "../calendar/workdays";
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  APPLICANT_TYPE_COLUMN_KEYS,
  COLUMN_KEYS,
  PROCEEDING_RESULT_COLUMN_KEYS,
  ROW_KEYS,
  appealGroupOf,
  appealsCellId,
  applicationsCellId,
  feesCellId,
  leafKeyForOutcome,
  reportYearBounds,
  yuanToFen,
  fenToYuan,
  type AppealColumnKey,
  type AppealsTable,
  type ApplicationsTable,
  type ReportCellId,
  type ReportCells,
  type ReportFigures,
  type ReportFormat,
  type ReportYearBounds,
  type RowKey,
} from "./definitions";

/** One case as the report sees it (derived columns of Application; dates YYYY-MM-DD, amounts in yuan). */
export interface ReportCaseRecord {
  id: string;
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
  feeNoticeOn: IsoDate | null;
  feeAmount: string | null;
  feePaidOn: IsoDate | null;
  feePaidAmount: string | null;
}

export interface ReportProceedingRecord {
  id: string;
  applicationId: string;
  kind: ProceedingKind;
  route: LitigationRoute | null;
  onlyCoDefendantAsReviewOrgan: boolean;
  filedOn: IsoDate;
  result: ProceedingResult | null;
  decidedOn: IsoDate | null;
}

export interface ReportModelInput {
  cases: readonly ReportCaseRecord[];
  proceedings: readonly ReportProceedingRecord[];
  year: number;
  format: ReportFormat;
  appealsBasis: AppealsBasis;
}

export interface ReportModelResult {
  figures: ReportFigures;
  /** Ids (sorted) behind every non-zero cell. */
  cells: ReportCells;
}

// ---------------------------------------------------------------------------------------------
// Money: yuan strings with at most two decimals, added up in fen (BigInt: no rounding, no overflow)

// ---------------------------------------------------------------------------------------------
// Cells

class CellCollector {
  private readonly idsByCell = new Map<ReportCellId, string[]>();

  add(cell: ReportCellId, id: string): void {
    const ids = this.idsByCell.get(cell);
    if (ids) ids.push(id);
    else this.idsByCell.set(cell, [id]);
  }

  count(cell: ReportCellId): number {
    return this.idsByCell.get(cell)?.length ?? 0;
  }

  toCells(): ReportCells {
    const cells: ReportCells = {};
    for (const [cell, ids] of this.idsByCell) cells[cell] = [...ids].sort();
    return cells;
  }
}

// ---------------------------------------------------------------------------------------------
// Table 三 (rules.md §2)

/** The rows of table 三 that count one case in year Y (besides its leaf row when closed in Y). */
function applicationRowsOf(record: ReportCaseRecord, bounds: ReportYearBounds, format: ReportFormat): RowKey[] {
  const rows: RowKey[] = [];
  // 一、本年新收: received in Y.
  if (record.receivedOn >= bounds.start && record.receivedOn <= bounds.end) rows.push("new_received");
  // 二、上年结转: received before 1 Jan Y and not closed before 1 Jan Y.
  if (record.receivedOn < bounds.start && (record.closedOn === null || record.closedOn >= bounds.start)) rows.push("carried_in");
  // 三: closed in Y, by the reported outcome; （七） is their sum.
  if (record.closedOn !== null && record.closedOn >= bounds.start && record.closedOn <= bounds.end && record.outcome !== null) {
    rows.push(leafKeyForOutcome(record.outcome, format), "closed_total");
  }
  // 四、结转下年度: received on or before 31 Dec Y and not closed by 31 Dec Y.
  if (record.receivedOn <= bounds.end && (record.closedOn === null || record.closedOn > bounds.end)) rows.push("carried_out");
  return rows;
}

function applicationsTable(collector: CellCollector, format: ReportFormat): ApplicationsTable {
  const rows: ApplicationsTable["rows"] = {};
  for (const row of ROW_KEYS[format]) {
    rows[row] = COLUMN_KEYS.map((column) => collector.count(applicationsCellId(row, column)));
  }
  return { columns: [...COLUMN_KEYS], rows };
}

// ---------------------------------------------------------------------------------------------
// Table 四 (rules.md §3)

function isDecidedBy(proceeding: ReportProceedingRecord, date: IsoDate): boolean {
  return proceeding.result !== null && proceeding.decidedOn !== null && proceeding.decidedOn <= date;
}

/** The column of table 四 a proceeding is counted in for year Y, or null when Y does not count it. */
function appealColumnOf(
  proceeding: ReportProceedingRecord,
  bounds: ReportYearBounds,
  appealsBasis: AppealsBasis,
): Exclude<AppealColumnKey, "total"> | null {
  // A lawsuit in which the organization is only the co-defendant as 复议机关 is not counted.
  if (proceeding.onlyCoDefendantAsReviewOrgan) return null;
  const decidedByYearEnd = isDecidedBy(proceeding, bounds.end);
  const resultColumn = proceeding.result === null ? null : PROCEEDING_RESULT_COLUMN_KEYS[proceeding.result];
  if (appealsBasis === "FILED_IN_YEAR") {
    // Filed in Y: under its result when decided by 31 Dec Y, otherwise 尚未审结.
    if (proceeding.filedOn < bounds.start || proceeding.filedOn > bounds.end) return null;
    return decidedByYearEnd && resultColumn ? resultColumn : "pending";
  }
  // ACTIVE_IN_YEAR: decided in Y under the result; filed by 31 Dec Y and undecided then: 尚未审结.
  const decidedInYear = resultColumn !== null && proceeding.decidedOn !== null && proceeding.decidedOn >= bounds.start && decidedByYearEnd;
  if (decidedInYear) return resultColumn;
  if (proceeding.filedOn <= bounds.end && !decidedByYearEnd) return "pending";
  return null;
}

function appealsTable(collector: CellCollector): AppealsTable {
  const table = {} as AppealsTable;
  for (const group of APPEAL_GROUP_KEYS) {
    const counts = {} as AppealsTable[typeof group];
    for (const column of APPEAL_COLUMN_KEYS) counts[column] = collector.count(appealsCellId(group, column));
    table[group] = counts;
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// The report

const inYear = (date: IsoDate | null, bounds: ReportYearBounds): boolean => date !== null && date >= bounds.start && date <= bounds.end;

export function computeReportModel(input: ReportModelInput): ReportModelResult {
  const { format, appealsBasis } = input;
  const bounds = reportYearBounds(input.year);
  const collector = new CellCollector();

  for (const record of input.cases) {
    const column = APPLICANT_TYPE_COLUMN_KEYS[record.applicantType];
    for (const row of applicationRowsOf(record, bounds, format)) {
      collector.add(applicationsCellId(row, column), record.id);
      collector.add(applicationsCellId(row, "total"), record.id);
    }
  }

  for (const proceeding of input.proceedings) {
    const column = appealColumnOf(proceeding, bounds, appealsBasis);
    if (!column) continue;
    const group = appealGroupOf(proceeding);
    collector.add(appealsCellId(group, column), proceeding.id);
    collector.add(appealsCellId(group, "total"), proceeding.id);
  }

  // Section 六: the notices dated in Y with their amounts, and the payments dated in Y.
  let amountNoticedFen = 0n;
  let amountCollectedFen = 0n;
  for (const record of input.cases) {
    // A notice of 0 元 is none (rules.md §4); an imported notice may lack its amount.
    if (inYear(record.feeNoticeOn, bounds) && (record.feeAmount === null || yuanToFen(record.feeAmount) > 0n)) {
      collector.add(feesCellId("notices"), record.id);
      collector.add(feesCellId("amount_noticed"), record.id);
      if (record.feeAmount !== null) amountNoticedFen += yuanToFen(record.feeAmount);
    }
    if (inYear(record.feePaidOn, bounds)) {
      collector.add(feesCellId("amount_collected"), record.id);
      if (record.feePaidAmount !== null) amountCollectedFen += yuanToFen(record.feePaidAmount);
    }
  }

  const figures: ReportFigures = {
    year: input.year,
    format,
    applications: applicationsTable(collector, format),
    appeals: appealsTable(collector),
    fees: {
      notices: collector.count(feesCellId("notices")),
      amount_noticed: fenToYuan(amountNoticedFen),
      amount_collected: fenToYuan(amountCollectedFen),
    },
  };
  return { figures, cells: collector.toCells() };
}
