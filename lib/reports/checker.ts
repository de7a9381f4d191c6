// The report checker (rules.md §7, interfaces.md §2 `check`): the checks of rules.md §6 that need no
// case log, run on a report read from outside the system — 1, 2 and 4, and 3 against the previous
// year's report when one is given — or, for the statistics tables before 2019, the sums they print.
// Pure: the command line and the checker page read the files and call this.
import { runTableChecks, type ReportCheck } from "./checks";
import { REPORT_FORMAT_LABELS } from "./definitions";
import { runPre2019Checks } from "./pre2019";
import type { ReadReport } from "./report-reader";

export interface CheckedReport {
  report: ReadReport;
  /** Of the previous year's report, when one was given. */
  previous: ReadReport | null;
  checks: ReportCheck[];
}

/** "2020 年度报告，2019 年格式（…）" — what the checker read, for the first line of its output. */
export function describeReadReport(report: ReadReport): string {
  const year = report.year ? `${report.year} 年度` : "年度未注明的";
  if (report.kind === "pre2019") return `${year}统计表（2019 年以前的格式）`;
  return `${year}报告，${REPORT_FORMAT_LABELS[report.tables.format]}`;
}

/** Why the previous year's report cannot be held against this one's 二, or null when it can. */
function previousReportMismatch(report: Extract<ReadReport, { kind: "tables" }>, previous: ReadReport): ReportCheck | null {
  const rule = "carry_over_previous" as const;
  if (previous.kind === "pre2019") {
    return { rule, ok: false, detail: "上年度报告是 2019 年以前的统计表，没有“四、结转下年度继续办理”，无法核对本年的“二、上年结转”" };
  }
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) {
    return { rule, ok: false, detail: `上年度报告是 ${previous.year} 年度的，本报告是 ${report.year} 年度的：应提供 ${report.year - 1} 年度的报告` };
  }
  return null;
}

/** Runs the checks on a report read by lib/reports/report-reader.ts, against the previous year's when given. */
export function checkReport(report: ReadReport, previous: ReadReport | null = null): CheckedReport {
  if (report.kind === "pre2019") {
    const checks = runPre2019Checks(report.tables, report.year ? `${report.year}年` : null);
    if (previous) {
      checks.push({ rule: "carry_over_previous", ok: false, detail: "2019 年以前的统计表没有“二、上年结转”，无法与上年度报告核对" });
    }
    return { report, previous, checks };
  }
  if (!previous) return { report, previous, checks: runTableChecks(report.tables) };
  const mismatch = previousReportMismatch(report, previous);
  if (mismatch || previous.kind !== "tables") {
    const checks = runTableChecks(report.tables);
    // In the place of check 3, before table 四's check, as runTableChecks orders them.
    if (mismatch) checks.splice(checks.length - 1, 0, mismatch);
    return { report, previous, checks };
  }
  const subject = `上年度报告${previous.year ? `（${previous.year} 年度）` : ""}的四`;
  const carriedOut = previous.tables.applications.rows.carried_out ?? [];
  return { report, previous, checks: runTableChecks(report.tables, { carriedOut, subject, rule: "carry_over_previous" }) };
}

/** One line per check, as the command line prints it: 通过 or 不通过, then what was compared. */
export function checkLine(check: ReportCheck): string {
  return `${check.ok ? "通过" : "不通过"}  ${check.detail}`;
}
