// The report model (rules.md §2, §3, §5) on small hand-built case logs, the checks of §6, the table
// definitions, and the shared sample ledger against its expected report (when the sample is present).
import { readFileSync } from "node:fs";
import type { AppealsBasis, ApplicantType, LitigationRoute, Outcome, ProceedingResult } from "@prisma/client";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APPLICANT_TYPE_LABELS,
  LITIGATION_ROUTE_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  PROCEEDING_RESULT_LABELS,
} from "../cases/labels";
import { runReportChecks, type ReportCheck } from "./checks";
import {
  APPLICATIONS_ROWS,
  COLUMN_KEYS,
  LEAF_KEYS,
  OUTCOME_LEAF_KEYS,
  ROW_KEYS,
  defaultFormatForYear,
  describeReportCell,
  leafKeyForOutcome,
  parseReportCellId,
  reportCellIds,
  reportRequestSchema,
  rowCounts,
  fenToYuan,
  yuanToFen,
  type ReportFigures,
  type ReportFormat,
  type RowKey,
} from "./definitions";
import {
  computeReportModel,
  type ReportCaseRecord,
  type ReportModelInput,
  type ReportModelResult,
  type ReportProceedingRecord,
} from "./model";

// ---------------------------------------------------------------------------------------------
// Builders

let nextCaseNumber = 0;

function caseRecord(overrides: Partial<ReportCaseRecord> & { receivedOn: string }): ReportCaseRecord {
  nextCaseNumber += 1;
  return {
    id: `case-${nextCaseNumber}`,
    applicantType: "NATURAL_PERSON",
    closedOn: null,
    outcome: null,
    feeNoticeOn: null,
    feeAmount: null,
    feePaidOn: null,
    feePaidAmount: null,
    ...overrides,
  };
}

function closedCase(receivedOn: string, closedOn: string, outcome: Outcome, overrides: Partial<ReportCaseRecord> = {}): ReportCaseRecord {
  return caseRecord({ receivedOn, closedOn, outcome, ...overrides });
}

let nextProceedingNumber = 0;

function proceeding(overrides: Partial<ReportProceedingRecord> & Pick<ReportProceedingRecord, "kind" | "filedOn">): ReportProceedingRecord {
  nextProceedingNumber += 1;
  return {
    id: `proceeding-${nextProceedingNumber}`,
    applicationId: "case-x",
    route: null,
    onlyCoDefendantAsReviewOrgan: false,
    result: null,
    decidedOn: null,
    ...overrides,
  };
}

function report(
  cases: readonly ReportCaseRecord[],
  year: number,
  options: { format?: ReportFormat; appealsBasis?: AppealsBasis; proceedings?: readonly ReportProceedingRecord[] } = {},
): ReportModelResult {
  const input: ReportModelInput = {
    cases,
    proceedings: options.proceedings ?? [],
    year,
    format: options.format ?? "2021",
    appealsBasis: options.appealsBasis ?? "FILED_IN_YEAR",
  };
  return computeReportModel(input);
}

/** The 总计 column of a row. */
function total(result: ReportModelResult, row: RowKey): number {
  return rowCounts(result.figures.applications, row).at(-1) ?? Number.NaN;
}

function column(result: ReportModelResult, row: RowKey, columnKey: (typeof COLUMN_KEYS)[number]): number {
  return rowCounts(result.figures.applications, row)[COLUMN_KEYS.indexOf(columnKey)] ?? Number.NaN;
}

function checksOf(result: ReportModelResult, previousYearCarriedOut: readonly number[]): ReportCheck[] {
  return runReportChecks({ figures: result.figures, previousYearCarriedOut });
}

// ---------------------------------------------------------------------------------------------
// Table 三

describe("table 三 rows", () => {
  it("counts a case received in Y as 一, closed in Y by its outcome, and neither carried in nor out", () => {
    const granted = closedCase("2024-03-01", "2024-03-20", "GRANTED");
    const result = report([granted], 2024);
    expect(total(result, "new_received")).toBe(1);
    expect(total(result, "carried_in")).toBe(0);
    expect(total(result, "granted")).toBe(1);
    expect(total(result, "closed_total")).toBe(1);
    expect(total(result, "carried_out")).toBe(0);
    expect(result.cells["applications.granted.natural_person"]).toEqual([granted.id]);
    expect(result.cells["applications.granted.total"]).toEqual([granted.id]);
    expect(result.cells["applications.carried_out.total"]).toBeUndefined();
  });

  it("carries a case over the year end: 一 and 四 in Y, 二 and its outcome in Y+1, nothing in Y+2", () => {
    const december = closedCase("2023-12-20", "2024-01-10", "UNAVAILABLE_NOT_HELD", { applicantType: "LEGAL_SERVICE_ORG" });
    const in2023 = report([december], 2023);
    expect(column(in2023, "new_received", "legal_service_org")).toBe(1);
    expect(column(in2023, "carried_out", "legal_service_org")).toBe(1);
    expect(total(in2023, "closed_total")).toBe(0);

    const in2024 = report([december], 2024);
    expect(total(in2024, "new_received")).toBe(0);
    expect(column(in2024, "carried_in", "legal_service_org")).toBe(1);
    expect(column(in2024, "unavailable_not_held", "legal_service_org")).toBe(1);
    expect(total(in2024, "carried_out")).toBe(0);

    const in2025 = report([december], 2025);
    expect(Object.keys(in2025.cells)).toEqual([]);
  });

  it("keeps a long-open case in 二 and 四 every year until it closes", () => {
    const stuck = caseRecord({ receivedOn: "2022-06-01" });
    for (const year of [2023, 2024, 2025]) {
      const result = report([stuck], year);
      expect(total(result, "carried_in")).toBe(1);
      expect(total(result, "carried_out")).toBe(1);
      expect(total(result, "new_received")).toBe(0);
    }
    expect(total(report([stuck], 2021), "carried_out")).toBe(0);
    expect(total(report([stuck], 2022), "carried_in")).toBe(0);
    expect(total(report([stuck], 2022), "carried_out")).toBe(1);
  });

  it("treats 1 January and 31 December as inside the year", () => {
    const firstDay = closedCase("2024-01-01", "2024-12-31", "GRANTED");
    const lastDay = caseRecord({ receivedOn: "2024-12-31" });
    const closedNewYear = closedCase("2023-12-31", "2024-01-01", "PARTIALLY_GRANTED");
    const closesNextYear = closedCase("2024-06-01", "2025-01-01", "GRANTED");
    const result = report([firstDay, lastDay, closedNewYear, closesNextYear], 2024);
    expect(result.cells["applications.new_received.total"]).toEqual([firstDay.id, lastDay.id, closesNextYear.id].sort());
    expect(result.cells["applications.carried_in.total"]).toEqual([closedNewYear.id]);
    expect(result.cells["applications.closed_total.total"]).toEqual([firstDay.id, closedNewYear.id].sort());
    expect(result.cells["applications.carried_out.total"]).toEqual([lastDay.id, closesNextYear.id].sort());
  });

  it("counts a case received and closed on the same day once in 一 and once in its leaf", () => {
    const sameDay = closedCase("2024-05-06", "2024-05-06", "NOT_PROCESSED_REPEAT");
    const result = report([sameDay], 2024);
    expect(total(result, "new_received")).toBe(1);
    expect(total(result, "not_processed_repeat")).toBe(1);
    expect(total(result, "carried_out")).toBe(0);
  });

  it("puts every applicant type in its own column and the sum in 总计", () => {
    const types: ApplicantType[] = ["NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG"];
    const cases = types.flatMap((applicantType, index) =>
      Array.from({ length: index + 1 }, () => caseRecord({ receivedOn: "2024-02-01", applicantType })),
    );
    const result = report(cases, 2024);
    expect(rowCounts(result.figures.applications, "new_received")).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(rowCounts(result.figures.applications, "carried_out")).toEqual([1, 2, 3, 4, 5, 6, 21]);
  });

  it("counts each of the 21 outcomes in its own leaf row, in table order", () => {
    const cases = OUTCOMES.map((outcome) => closedCase("2024-02-01", "2024-03-01", outcome));
    const result = report(cases, 2024);
    for (const outcome of OUTCOMES) expect(total(result, OUTCOME_LEAF_KEYS[outcome])).toBe(1);
    expect(total(result, "closed_total")).toBe(21);
    expect(Object.keys(result.figures.applications.rows)).toEqual(ROW_KEYS["2021"]);
    expect(result.figures.applications.columns).toEqual([...COLUMN_KEYS]);
  });

  it("counts a withdrawal (closed as （六）3 其他) under other_other, and under other in 2019", () => {
    const withdrawn = closedCase("2024-04-01", "2024-04-03", "OTHER_OTHER", { applicantType: "COMMERCIAL_ENTERPRISE" });
    expect(column(report([withdrawn], 2024), "other_other", "commercial_enterprise")).toBe(1);
    const in2019Format = report([withdrawn], 2024, { format: "2019" });
    expect(column(in2019Format, "other", "commercial_enterprise")).toBe(1);
    expect(in2019Format.cells["applications.other.commercial_enterprise"]).toEqual([withdrawn.id]);
  });

  it("rolls the three （六） leaves into one `other` row in the 2019 format, leaving the rest unchanged", () => {
    const cases = [
      closedCase("2020-01-05", "2020-02-01", "OTHER_NO_CORRECTION"),
      closedCase("2020-01-05", "2020-02-01", "OTHER_FEE_UNPAID"),
      closedCase("2020-01-05", "2020-02-01", "OTHER_OTHER", { applicantType: "OTHER_ORG" }),
      closedCase("2020-01-05", "2020-02-01", "GRANTED"),
    ];
    const in2019 = report(cases, 2020, { format: "2019" });
    const in2021 = report(cases, 2020, { format: "2021" });
    expect(Object.keys(in2019.figures.applications.rows)).toEqual(ROW_KEYS["2019"]);
    expect(in2019.figures.applications.rows.other_other).toBeUndefined();
    expect(rowCounts(in2019.figures.applications, "other")).toEqual([2, 0, 0, 0, 0, 1, 3]);
    expect(in2021.figures.applications.rows.other).toBeUndefined();
    for (const key of ["new_received", "carried_in", "granted", "closed_total", "carried_out"] as const) {
      expect(rowCounts(in2019.figures.applications, key)).toEqual(rowCounts(in2021.figures.applications, key));
    }
    expect(in2019.cells["applications.other.total"]).toHaveLength(3);
  });

  it("ignores cases received after the year", () => {
    const later = closedCase("2025-02-01", "2025-02-10", "GRANTED");
    expect(Object.keys(report([later], 2024).cells)).toEqual([]);
  });

  it("balances 一+二=（七）+四 in every column, and 二 equals last year's 四", () => {
    const cases = [
      caseRecord({ receivedOn: "2022-11-30", applicantType: "OTHER_ORG" }),
      closedCase("2023-12-28", "2024-01-04", "GRANTED"),
      closedCase("2024-03-01", "2024-03-20", "WITHHELD_STATE_SECRET", { applicantType: "RESEARCH_INSTITUTION" }),
      closedCase("2024-12-30", "2025-01-08", "PARTIALLY_GRANTED"),
      caseRecord({ receivedOn: "2024-07-07", applicantType: "SOCIAL_WELFARE_ORG" }),
    ];
    const previous = report(cases, 2023);
    const current = report(cases, 2024);
    expect(rowCounts(current.figures.applications, "carried_in")).toEqual(rowCounts(previous.figures.applications, "carried_out"));
    const checks = checksOf(current, rowCounts(previous.figures.applications, "carried_out"));
    expect(checks.every((check) => check.ok)).toBe(true);
    expect(checks.map((check) => check.rule)).toEqual(["balance", "closed_total", "total_column", "carry_over", "appeals_total"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Table 四

describe("table 四", () => {
  const reconsiderationDecidedInYear = proceeding({ kind: "RECONSIDERATION", filedOn: "2024-02-01", result: "UPHELD", decidedOn: "2024-04-01" });
  const reconsiderationDecidedNextYear = proceeding({ kind: "RECONSIDERATION", filedOn: "2024-11-01", result: "CORRECTED", decidedOn: "2025-01-20" });
  const reconsiderationFiledLastYear = proceeding({ kind: "RECONSIDERATION", filedOn: "2023-11-15", result: "OTHER", decidedOn: "2024-01-10" });
  const undecidedLawsuit = proceeding({ kind: "LITIGATION", route: "DIRECT", filedOn: "2023-05-01" });
  const oldDecided = proceeding({ kind: "LITIGATION", route: "DIRECT", filedOn: "2022-03-01", result: "UPHELD", decidedOn: "2022-09-01" });
  const all = [reconsiderationDecidedInYear, reconsiderationDecidedNextYear, reconsiderationFiledLastYear, undecidedLawsuit, oldDecided];

  it("FILED_IN_YEAR counts the proceedings filed in Y, under their result when decided by 31 Dec, else 尚未审结", () => {
    const appeals = report([], 2024, { proceedings: all }).figures.appeals;
    expect(appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(appeals.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    const in2023 = report([], 2023, { proceedings: all });
    expect(in2023.figures.appeals.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(in2023.figures.appeals.litigation_direct.pending).toBe(1);
    expect(in2023.cells["appeals.reconsideration.pending"]).toEqual([reconsiderationFiledLastYear.id]);
  });

  it("ACTIVE_IN_YEAR counts those decided in Y under their result and those undecided at 31 Dec as 尚未审结", () => {
    const result = report([], 2024, { proceedings: all, appealsBasis: "ACTIVE_IN_YEAR" });
    expect(result.figures.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 1, pending: 1, total: 3 });
    expect(result.figures.appeals.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(result.cells["appeals.reconsideration.other"]).toEqual([reconsiderationFiledLastYear.id]);
    expect(result.cells["appeals.reconsideration.pending"]).toEqual([reconsiderationDecidedNextYear.id]);
    expect(result.cells["appeals.litigation_direct.pending"]).toEqual([undecidedLawsuit.id]);
    const in2022 = report([], 2022, { proceedings: all, appealsBasis: "ACTIVE_IN_YEAR" });
    expect(in2022.figures.appeals.litigation_direct).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  });

  it("counts a lawsuit after reconsideration under 复议后起诉 only, and the reconsideration in its own year", () => {
    const reconsideration = proceeding({ kind: "RECONSIDERATION", filedOn: "2023-09-01", result: "UPHELD", decidedOn: "2023-11-20" });
    const lawsuit = proceeding({ kind: "LITIGATION", route: "AFTER_RECONSIDERATION", filedOn: "2024-01-15" });
    for (const appealsBasis of ["FILED_IN_YEAR", "ACTIVE_IN_YEAR"] as const) {
      const in2023 = report([], 2023, { proceedings: [reconsideration, lawsuit], appealsBasis }).figures.appeals;
      expect(in2023.reconsideration.upheld).toBe(1);
      expect(in2023.litigation_after_reconsideration.total).toBe(0);
      const in2024 = report([], 2024, { proceedings: [reconsideration, lawsuit], appealsBasis }).figures.appeals;
      expect(in2024.reconsideration.total).toBe(0);
      expect(in2024.litigation_after_reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
      expect(in2024.litigation_direct.total).toBe(0);
    }
  });

  it("does not count a lawsuit in which the organization is only co-defendant as 复议机关", () => {
    const coDefendant = proceeding({
      kind: "LITIGATION",
      route: "AFTER_RECONSIDERATION",
      onlyCoDefendantAsReviewOrgan: true,
      filedOn: "2024-03-01",
      result: "UPHELD",
      decidedOn: "2024-06-01",
    });
    for (const appealsBasis of ["FILED_IN_YEAR", "ACTIVE_IN_YEAR"] as const) {
      const result = report([], 2024, { proceedings: [coDefendant], appealsBasis });
      expect(result.figures.appeals.litigation_after_reconsideration.total).toBe(0);
      expect(Object.keys(result.cells)).toEqual([]);
    }
  });

  it("keeps a proceeding pending when the result or its date is missing, or the decision comes after 31 Dec", () => {
    const resultWithoutDate = proceeding({ kind: "RECONSIDERATION", filedOn: "2024-02-01", result: "UPHELD" });
    const dateWithoutResult = proceeding({ kind: "RECONSIDERATION", filedOn: "2024-02-01", decidedOn: "2024-05-01" });
    const appealedJudgment = proceeding({ kind: "LITIGATION", route: "DIRECT", filedOn: "2024-03-01", result: "CORRECTED", decidedOn: "2025-03-01" });
    const result = report([], 2024, { proceedings: [resultWithoutDate, dateWithoutResult, appealedJudgment] });
    expect(result.figures.appeals.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 2, total: 2 });
    expect(result.figures.appeals.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    const active = report([], 2024, { proceedings: [resultWithoutDate, dateWithoutResult, appealedJudgment], appealsBasis: "ACTIVE_IN_YEAR" });
    expect(active.figures.appeals).toEqual(result.figures.appeals);
  });

  it("maps each result to its column", () => {
    const results: ProceedingResult[] = ["UPHELD", "CORRECTED", "OTHER"];
    const proceedings = results.map((result) => proceeding({ kind: "LITIGATION", route: "DIRECT", filedOn: "2024-01-10", result, decidedOn: "2024-08-01" }));
    expect(report([], 2024, { proceedings }).figures.appeals.litigation_direct).toEqual({ upheld: 1, corrected: 1, other: 1, pending: 0, total: 3 });
  });
});

// ---------------------------------------------------------------------------------------------
// Fees

describe("section 六 fees", () => {
  it("counts the notices dated in Y with their amounts, and the payments dated in Y", () => {
    const noticedLastYearPaidThisYear = caseRecord({
      receivedOn: "2023-12-20",
      feeNoticeOn: "2023-12-28",
      feeAmount: "450.5",
      feePaidOn: "2024-01-05",
      feePaidAmount: "450.5",
    });
    const noticedUnpaid = caseRecord({ receivedOn: "2024-03-01", feeNoticeOn: "2024-03-05", feeAmount: "1230.50" });
    const noticedAndPaid = caseRecord({
      receivedOn: "2024-05-01",
      feeNoticeOn: "2024-05-02",
      feeAmount: "100.05",
      feePaidOn: "2024-05-09",
      feePaidAmount: "100.05",
    });
    const cases = [noticedLastYearPaidThisYear, noticedUnpaid, noticedAndPaid];
    const in2024 = report(cases, 2024);
    expect(in2024.figures.fees).toEqual({ notices: 2, amount_noticed: "1330.55", amount_collected: "550.55" });
    expect(in2024.cells["fees.notices"]).toEqual([noticedUnpaid.id, noticedAndPaid.id].sort());
    expect(in2024.cells["fees.amount_collected"]).toEqual([noticedLastYearPaidThisYear.id, noticedAndPaid.id].sort());
    expect(report(cases, 2023).figures.fees).toEqual({ notices: 1, amount_noticed: "450.50", amount_collected: "0.00" });
    expect(report(cases, 2025).figures.fees).toEqual({ notices: 0, amount_noticed: "0.00", amount_collected: "0.00" });
  });

  it("adds amounts exactly in fen", () => {
    expect(yuanToFen("0.1") + yuanToFen("0.2")).toBe(30n);
    expect(fenToYuan(yuanToFen("9999999999.99") * 3n)).toBe("29999999999.97");
    expect(fenToYuan(0n)).toBe("0.00");
    expect(() => yuanToFen("1.234")).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Checks

function balancedFigures(): ReportFigures {
  const cases = [
    closedCase("2023-12-28", "2024-01-04", "GRANTED"),
    closedCase("2024-03-01", "2024-03-20", "WITHHELD_STATE_SECRET", { applicantType: "RESEARCH_INSTITUTION" }),
    caseRecord({ receivedOn: "2024-07-07" }),
  ];
  return report(cases, 2024).figures;
}

describe("checks (rules.md §6)", () => {
  it("names the failing columns of 一+二=（七）+四 with their figures", () => {
    const figures = balancedFigures();
    figures.applications.rows.new_received = [3, 0, 1, 0, 0, 0, 4];
    const [balance] = runReportChecks({ figures, previousYearCarriedOut: [1, 0, 0, 0, 0, 0, 1] });
    expect(balance).toEqual({ rule: "balance", ok: false, detail: "一+二=（七）+四不成立：自然人 3+1≠1+1；总计 4+1≠2+1" });
  });

  it("checks （七） against the leaf rows and the 总计 column against the six columns", () => {
    const figures = balancedFigures();
    figures.applications.rows.granted = [2, 0, 0, 0, 0, 0, 2];
    figures.applications.rows.carried_out = [1, 0, 0, 0, 0, 0, 2];
    const checks = runReportChecks({ figures, previousYearCarriedOut: [1, 0, 0, 0, 0, 0, 1] });
    const byRule = Object.fromEntries(checks.map((check) => [check.rule, check]));
    expect(byRule.closed_total).toEqual({
      rule: "closed_total",
      ok: false,
      detail: "（七）总计=各项办理结果之和不成立：自然人 （七）1，各项之和 2；总计 （七）2，各项之和 3",
    });
    expect(byRule.total_column).toEqual({ rule: "total_column", ok: false, detail: "总计列=六类申请人之和不成立：四 总计 2，六类申请人之和 1" });
  });

  it("compares 二 with last year's 四 as generated now and as published", () => {
    const figures = balancedFigures();
    const checks = runReportChecks({
      figures,
      previousYearCarriedOut: [1, 0, 0, 0, 0, 0, 1],
      publishedPreviousYear: { version: 2, carriedOut: [0, 0, 0, 0, 0, 1, 1] },
    });
    expect(checks.find((check) => check.rule === "carry_over")).toEqual({
      rule: "carry_over",
      ok: true,
      detail: "二=2023 年度四（按现有数据生成）：各列均相符",
    });
    expect(checks.find((check) => check.rule === "carry_over_published")).toEqual({
      rule: "carry_over_published",
      ok: false,
      detail: "二=已发布的 2023 年度报告（第 2 版）的四不成立：自然人 二 1，上年四 0；其他 二 0，上年四 1",
    });
    const unreadable = runReportChecks({ figures, previousYearCarriedOut: [1, 0, 0, 0, 0, 0, 1], publishedPreviousYear: { version: 1, carriedOut: null } });
    expect(unreadable.find((check) => check.rule === "carry_over_published")?.ok).toBe(false);
    const stale = runReportChecks({ figures, previousYearCarriedOut: [2, 0, 0, 0, 0, 0, 2] });
    expect(stale.find((check) => check.rule === "carry_over")?.detail).toBe("二=2023 年度四（按现有数据生成）不成立：自然人 二 1，上年四 2；总计 二 1，上年四 2");
  });

  it("checks each group of table 四", () => {
    const figures = balancedFigures();
    figures.appeals.litigation_after_reconsideration = { upheld: 1, corrected: 0, other: 2, pending: 1, total: 5 };
    const checks = runReportChecks({ figures, previousYearCarriedOut: [1, 0, 0, 0, 0, 0, 1] });
    expect(checks.at(-1)).toEqual({
      rule: "appeals_total",
      ok: false,
      detail: "表四各组 总计=结果维持+结果纠正+其他结果+尚未审结不成立：复议后起诉 总计 5≠1+0+2+1",
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Definitions

describe("report definitions", () => {
  it("chooses the 2019 format for 2019 and 2020 and the 2021 format otherwise", () => {
    expect([2019, 2020, 2021, 2024].map(defaultFormatForYear)).toEqual(["2019", "2019", "2021", "2021"]);
    expect(reportRequestSchema.parse({ year: "2020" })).toEqual({ year: 2020, format: "2019" });
    expect(reportRequestSchema.parse({ year: 2020, format: "2021" })).toEqual({ year: 2020, format: "2021" });
    expect(reportRequestSchema.safeParse({ year: "2018" }).success).toBe(false);
    expect(reportRequestSchema.safeParse({ year: "0x7E8" }).success).toBe(false);
    expect(reportRequestSchema.safeParse({ year: 2024, format: "2020" }).success).toBe(false);
  });

  it("has 25 rows in 2021 and 23 in 2019, with the official labels", () => {
    expect(ROW_KEYS["2021"]).toHaveLength(25);
    expect(ROW_KEYS["2019"]).toHaveLength(23);
    expect(APPLICATIONS_ROWS["2021"].map((row) => row.key)).toEqual(ROW_KEYS["2021"]);
    expect(APPLICATIONS_ROWS["2019"].map((row) => row.key)).toEqual(ROW_KEYS["2019"]);
    const labels = Object.fromEntries(APPLICATIONS_ROWS["2021"].map((row) => [row.key, row.label]));
    expect(labels.new_received).toBe("一、本年新收政府信息公开申请数量");
    expect(labels.withheld_state_secret).toBe("1.属于国家秘密");
    expect(labels.withheld_security_stability).toBe("3.危及“三安全一稳定”");
    expect(labels.carried_out).toBe("四、结转下年度继续办理");
    expect(APPLICATIONS_ROWS["2019"].find((row) => row.key === "other")?.label).toBe("（六）其他处理");
    // The leaf labels without their numbering are the outcome labels of lib/cases/labels.ts.
    for (const outcome of OUTCOMES.filter((candidate) => candidate !== "GRANTED" && candidate !== "PARTIALLY_GRANTED")) {
      expect(labels[OUTCOME_LEAF_KEYS[outcome]]).toBe(`${labels[OUTCOME_LEAF_KEYS[outcome]]?.slice(0, 2)}${OUTCOME_LABELS[outcome]}`);
    }
    expect(LEAF_KEYS["2019"]).toHaveLength(19);
    expect(leafKeyForOutcome("OTHER_FEE_UNPAID", "2019")).toBe("other");
    expect(leafKeyForOutcome("OTHER_FEE_UNPAID", "2021")).toBe("other_fee_unpaid");
  });

  it("maps every Outcome to the leaf key of the same name", () => {
    for (const outcome of OUTCOMES) expect(OUTCOME_LEAF_KEYS[outcome]).toBe(outcome.toLowerCase());
  });

  it("parses and describes cell ids of the format only", () => {
    expect(parseReportCellId("applications.granted.natural_person", "2021")).toEqual({ table: "applications", row: "granted", column: "natural_person" });
    expect(parseReportCellId("applications.other.total", "2021")).toBeNull();
    expect(parseReportCellId("applications.other.total", "2019")).toEqual({ table: "applications", row: "other", column: "total" });
    expect(parseReportCellId("appeals.reconsideration.pending", "2021")).toEqual({ table: "appeals", group: "reconsideration", column: "pending" });
    expect(parseReportCellId("fees.amount_collected", "2021")).toEqual({ table: "fees", fee: "amount_collected" });
    expect(parseReportCellId("fees.amount_collected.x", "2021")).toBeNull();
    expect(parseReportCellId("applications.granted.natural_person.x", "2021")).toBeNull();
    const cell = parseReportCellId("applications.withheld_state_secret.natural_person", "2021");
    expect(cell && describeReportCell(cell, "2021")).toBe("（三）1 属于国家秘密 · 自然人");
    expect(reportCellIds("2021")).toHaveLength(25 * 7 + 15 + 3);
    for (const id of reportCellIds("2019")) expect(parseReportCellId(id, "2019")).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The shared sample ledger and its expected reports (interfaces.md §1, §3)

// The project's own copies of shared/examples (tests/fixtures), so the test runs in any checkout.
const SAMPLE_DIRECTORY = path.resolve(import.meta.dirname, "../../tests/fixtures");
const SAMPLE_LEDGER = `${SAMPLE_DIRECTORY}/ledger-sample.csv`;

function invert<Key extends string>(labels: Record<Key, string>): Map<string, Key> {
  return new Map(Object.entries(labels).map(([key, label]) => [label as string, key as Key]));
}

/** The sample has no quoted cells; each row is one case with at most one reconsideration and one lawsuit. */
function readSampleLedger(): { cases: ReportCaseRecord[]; proceedings: ReportProceedingRecord[] } {
  const [header = "", ...lines] = readFileSync(SAMPLE_LEDGER, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean);
  const names = header.split(",");
  const applicantTypes = invert(APPLICANT_TYPE_LABELS);
  const outcomes = invert(OUTCOME_LABELS);
  const results = invert(PROCEEDING_RESULT_LABELS);
  const routes = invert<LitigationRoute>(LITIGATION_ROUTE_LABELS);
  const cases: ReportCaseRecord[] = [];
  const proceedings: ReportProceedingRecord[] = [];
  for (const line of lines) {
    const cells = line.split(",");
    const cell = (name: string): string | null => cells[names.indexOf(name)] || null;
    const id = cell("申请编号") ?? "";
    const outcomeLabel = cell("办理结果");
    cases.push({
      id,
      applicantType: applicantTypes.get(cell("申请人类型") ?? "") ?? "NATURAL_PERSON",
      receivedOn: cell("收到申请日期") ?? "",
      closedOn: cell("办结日期"),
      outcome: outcomeLabel ? (outcomes.get(outcomeLabel) ?? null) : null,
      feeNoticeOn: cell("收费通知日期"),
      feeAmount: cell("收费金额"),
      feePaidOn: cell("缴费日期"),
      feePaidAmount: cell("缴费日期") ? cell("收费金额") : null,
    });
    const resultOf = (label: string | null) => (label ? (results.get(label) ?? null) : null);
    const reconsiderationFiledOn = cell("复议申请日期");
    if (reconsiderationFiledOn) {
      proceedings.push({
        id: `${id}-复议`,
        applicationId: id,
        kind: "RECONSIDERATION",
        route: null,
        onlyCoDefendantAsReviewOrgan: false,
        filedOn: reconsiderationFiledOn,
        result: resultOf(cell("复议结果")),
        decidedOn: cell("复议结果日期"),
      });
    }
    const lawsuitFiledOn = cell("起诉日期");
    if (lawsuitFiledOn) {
      proceedings.push({
        id: `${id}-诉讼`,
        applicationId: id,
        kind: "LITIGATION",
        route: routes.get(cell("诉讼类型") ?? "") ?? null,
        onlyCoDefendantAsReviewOrgan: false,
        filedOn: lawsuitFiledOn,
        result: resultOf(cell("诉讼结果")),
        decidedOn: cell("诉讼结果日期"),
      });
    }
  }
  return { cases, proceedings };
}

describe("the shared sample ledger", () => {
  for (const [format, file] of [
    ["2021", "ledger-sample.report-2024.json"],
    ["2019", "ledger-sample.report-2024-format2019.json"],
  ] as const) {
    it(`gives the expected 2024 report in the ${format} format`, () => {
      const { cases, proceedings } = readSampleLedger();
      expect(cases).toHaveLength(80);
      const expected = JSON.parse(readFileSync(`${SAMPLE_DIRECTORY}/${file}`, "utf8")) as ReportFigures & { org: string };
      const result = computeReportModel({ cases, proceedings, year: 2024, format, appealsBasis: "FILED_IN_YEAR" });
      expect(JSON.stringify(result.figures.applications)).toBe(JSON.stringify(expected.applications));
      expect(result.figures.appeals).toEqual(expected.appeals);
      expect(result.figures.fees).toEqual(expected.fees);
      const previous = computeReportModel({ cases, proceedings, year: 2023, format, appealsBasis: "FILED_IN_YEAR" });
      const checks = runReportChecks({ figures: result.figures, previousYearCarriedOut: rowCounts(previous.figures.applications, "carried_out") });
      expect(checks.filter((check) => !check.ok)).toEqual([]);
    });
  }
});
