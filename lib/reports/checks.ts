// The checks every generated report runs (rules.md §6, items 1–4), as pure functions of the figures.
// Each check says in Chinese what it compared and, when it fails, which columns (or rows, or groups)
// do not add up and by how much. Item 5 (published reports are frozen) is about snapshots, not figures.
import {
  APPEAL_GROUP_KEYS,
  APPEAL_GROUP_LABELS,
  APPLICANT_COLUMN_KEYS,
  APPLICATIONS_ROWS,
  COLUMN_KEYS,
  COLUMN_LABELS,
  LEAF_KEYS,
  TOTAL_COLUMN_INDEX,
  type ApplicationsTable,
  type ColumnCounts,
  type ReportFigures,
  type RowKey,
} from "./definitions";

export type ReportCheckRule =
  | "balance"
  | "closed_total"
  | "total_column"
  | "carry_over"
  | "carry_over_published"
  /** 二 against the opening balance entered for the year before the first year (rules.md §7). */
  | "carry_over_opening"
  /** 二 against a previous year's report given to the checker (rules.md §7). */
  | "carry_over_previous"
  | "appeals_total"
  /** A sum that a pre-2019 statistics table prints (表一: 其中 1. 2. …). */
  | "printed_sum";

export interface ReportCheck {
  rule: ReportCheckRule;
  ok: boolean;
  detail: string;
}

/** 四 of the published report for Y−1 (its latest version); `carriedOut` null when the snapshot lacks it. */
export interface PublishedCarriedOut {
  version: number;
  carriedOut: readonly number[] | null;
}

/** The published 四 of the year before the organization's first year in the system (rules.md §7). */
export interface OpeningCarriedOut {
  year: number;
  carriedOut: readonly number[];
  /** The document it was taken from, e.g. 《××局2023年政府信息公开工作年度报告》. */
  source: string;
}

export interface ReportCheckInput {
  figures: ReportFigures;
  /** 四 of Y−1 as generated now from the case log (same rules, same data). */
  previousYearCarriedOut: readonly number[];
  /** 四 of the report for Y−1 as published, when one was published. */
  publishedPreviousYear?: PublishedCarriedOut | null;
  /** The opening balance; compared when it is for Y−1 and Y−1 was not published in the system. */
  openingBalance?: OpeningCarriedOut | null;
}

function countsOf(applications: ApplicationsTable, row: RowKey): ColumnCounts {
  return applications.rows[row] ?? [];
}

const at = (counts: readonly number[], index: number): number => counts[index] ?? 0;

function summarizeFailures(failures: string[]): string {
  return failures.join("；");
}

/** 1. 一 + 二 = （七） + 四, per column. */
function checkBalance(applications: ApplicationsTable): ReportCheck {
  const received = countsOf(applications, "new_received");
  const carriedIn = countsOf(applications, "carried_in");
  const closed = countsOf(applications, "closed_total");
  const carriedOut = countsOf(applications, "carried_out");
  const failures: string[] = [];
  COLUMN_KEYS.forEach((column, index) => {
    const [one, two, seven, four] = [at(received, index), at(carriedIn, index), at(closed, index), at(carriedOut, index)];
    if (one + two !== seven + four) failures.push(`${COLUMN_LABELS[column]} ${one}+${two}≠${seven}+${four}`);
  });
  return failures.length === 0
    ? { rule: "balance", ok: true, detail: "一+二=（七）+四：各列均相符" }
    : { rule: "balance", ok: false, detail: `一+二=（七）+四不成立：${summarizeFailures(failures)}` };
}

/** The figures the checks that need no case log read. */
export type CheckedTables = Pick<ReportFigures, "format" | "applications" | "appeals">;

/** 2a. （七） = the sum of the leaf rows, per column. */
function checkClosedTotal(figures: CheckedTables): ReportCheck {
  const { applications, format } = figures;
  const closed = countsOf(applications, "closed_total");
  const failures: string[] = [];
  COLUMN_KEYS.forEach((column, index) => {
    const leafSum = LEAF_KEYS[format].reduce((sum, leaf) => sum + at(countsOf(applications, leaf), index), 0);
    if (leafSum !== at(closed, index)) failures.push(`${COLUMN_LABELS[column]} （七）${at(closed, index)}，各项之和 ${leafSum}`);
  });
  return failures.length === 0
    ? { rule: "closed_total", ok: true, detail: "（七）总计=各项办理结果之和：各列均相符" }
    : { rule: "closed_total", ok: false, detail: `（七）总计=各项办理结果之和不成立：${summarizeFailures(failures)}` };
}

/** 2b. 总计 column = the sum of the six applicant columns, per row. */
function checkTotalColumn(figures: CheckedTables): ReportCheck {
  const failures: string[] = [];
  for (const row of APPLICATIONS_ROWS[figures.format]) {
    const counts = countsOf(figures.applications, row.key);
    const sumOfSix = APPLICANT_COLUMN_KEYS.reduce((sum, _column, index) => sum + at(counts, index), 0);
    const total = at(counts, TOTAL_COLUMN_INDEX);
    if (sumOfSix !== total) failures.push(`${row.reference} 总计 ${total}，六类申请人之和 ${sumOfSix}`);
  }
  return failures.length === 0
    ? { rule: "total_column", ok: true, detail: "总计列=六类申请人之和：各行均相符" }
    : { rule: "total_column", ok: false, detail: `总计列=六类申请人之和不成立：${summarizeFailures(failures)}` };
}

function carryOverFailures(carriedIn: readonly number[], previousCarriedOut: readonly number[]): string[] {
  const failures: string[] = [];
  COLUMN_KEYS.forEach((column, index) => {
    if (at(carriedIn, index) !== at(previousCarriedOut, index)) {
      failures.push(`${COLUMN_LABELS[column]} 二 ${at(carriedIn, index)}，上年四 ${at(previousCarriedOut, index)}`);
    }
  });
  return failures;
}

/** 3a. 二 of Y = 四 of Y−1 as generated now. */
function checkCarryOver(figures: ReportFigures, previousYearCarriedOut: readonly number[]): ReportCheck {
  const subject = `二=${figures.year - 1} 年度四（按现有数据生成）`;
  return checkCarryOverAgainst(figures.applications, previousYearCarriedOut, { rule: "carry_over", subject });
}

/** 3b. 二 of Y = 四 of the published report for Y−1. */
function checkPublishedCarryOver(figures: ReportFigures, published: PublishedCarriedOut): ReportCheck {
  const source = `已发布的 ${figures.year - 1} 年度报告（第 ${published.version} 版）`;
  if (!published.carriedOut) {
    return { rule: "carry_over_published", ok: false, detail: `${source}中没有可读取的“四、结转下年度继续办理”数据` };
  }
  return checkCarryOverAgainst(figures.applications, published.carriedOut, { rule: "carry_over_published", subject: `二=${source}的四` });
}

/** 3c. 二 of the first year = the opening balance: 四 of the report published before the system (rules.md §7). */
function checkOpeningCarryOver(figures: ReportFigures, opening: OpeningCarriedOut): ReportCheck {
  const subject = `二=期初余额（${opening.year} 年度报告的四，来源：${opening.source}）`;
  return checkCarryOverAgainst(figures.applications, opening.carriedOut, { rule: "carry_over_opening", subject });
}

/** 二 of a report = 四 of another (the year before): the check 3 variants that compare two tables. */
export function checkCarryOverAgainst(
  applications: ApplicationsTable,
  previousCarriedOut: readonly number[],
  { rule, subject }: { rule: ReportCheckRule; subject: string },
): ReportCheck {
  const failures = carryOverFailures(countsOf(applications, "carried_in"), previousCarriedOut);
  return failures.length === 0
    ? { rule, ok: true, detail: `${subject}：各列均相符` }
    : { rule, ok: false, detail: `${subject}不成立：${summarizeFailures(failures)}` };
}

/** 4. Each group of table 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
function checkAppealsTotals(figures: CheckedTables): ReportCheck {
  const failures: string[] = [];
  for (const group of APPEAL_GROUP_KEYS) {
    const counts = figures.appeals[group];
    const parts = [counts.upheld, counts.corrected, counts.other, counts.pending];
    const sum = parts.reduce((total, part) => total + part, 0);
    if (sum !== counts.total) failures.push(`${APPEAL_GROUP_LABELS[group]} 总计 ${counts.total}≠${parts.join("+")}`);
  }
  return failures.length === 0
    ? { rule: "appeals_total", ok: true, detail: "表四各组 总计=结果维持+结果纠正+其他结果+尚未审结：均相符" }
    : { rule: "appeals_total", ok: false, detail: `表四各组 总计=结果维持+结果纠正+其他结果+尚未审结不成立：${summarizeFailures(failures)}` };
}

/**
 * The checks of rules.md §6 items 1–4, in that order; 3b only when Y−1 was published, otherwise 3c when
 * an opening balance was entered for Y−1.
 */
export function runReportChecks(input: ReportCheckInput): ReportCheck[] {
  const { figures } = input;
  const checks = [
    checkBalance(figures.applications),
    checkClosedTotal(figures),
    checkTotalColumn(figures),
    checkCarryOver(figures, input.previousYearCarriedOut),
  ];
  if (input.publishedPreviousYear) checks.push(checkPublishedCarryOver(figures, input.publishedPreviousYear));
  else if (input.openingBalance && input.openingBalance.year === figures.year - 1) checks.push(checkOpeningCarryOver(figures, input.openingBalance));
  checks.push(checkAppealsTotals(figures));
  return checks;
}

/** A table's 四 to hold its successor's 二 against, and how the check names it. */
export interface CarryOverReference {
  carriedOut: readonly number[];
  /** e.g. "上年度报告（2019 年）的四". */
  subject: string;
  rule: ReportCheckRule;
}

/**
 * The checks of rules.md §6 that need no case log: 1, 2 and 4, and 3 against a previous year's table
 * when one is given (the report checker, the roll-up's sum). Same order as runReportChecks.
 */
export function runTableChecks(tables: CheckedTables, previous?: CarryOverReference | null): ReportCheck[] {
  const checks = [checkBalance(tables.applications), checkClosedTotal(tables), checkTotalColumn(tables)];
  if (previous) checks.push(checkCarryOverAgainst(tables.applications, previous.carriedOut, { rule: previous.rule, subject: `二=${previous.subject}` }));
  checks.push(checkAppealsTotals(tables));
  return checks;
}
