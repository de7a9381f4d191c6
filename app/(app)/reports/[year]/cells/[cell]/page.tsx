import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { findReportCellCases } from "@/lib/reports/queries";
import { APPLICANT_TYPE_LABELS, OUTCOME_LABELS, PROCEEDING_KIND_LABELS, PROCEEDING_RESULT_LABELS } from "@/lib/cases/labels";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "报表明细" };

export default async function ReportCellPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; cell: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { year: yearParam, cell } = await params;
  const { format: formatParam } = await searchParams;
  const year = Number(yearParam);
  const format = formatParam === "2019" || formatParam === "2021" ? formatParam : undefined;
  let result;
  try {
    result = await findReportCellCases({ actor, year, format, cell });
  } catch (error) {
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
  const backHref = `/reports/${year}${format ? `?format=${format}` : ""}`;
  return (
    <div className="page">
      <PageHeader
        title={`${year} 年度报告 · ${result.description}`}
        subtitle={<span data-testid="cell-case-count">共 {result.cases.length} 件</span>}
        actions={<Link className="button" href={backHref}>返回报告</Link>}
      />
      <div className="card table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>申请编号</th>
              <th>申请人</th>
              <th>收到日期</th>
              <th>办结日期</th>
              <th>办理结果</th>
              {result.cases.some((row) => row.proceeding) ? <th>复议或诉讼</th> : null}
              {result.cases.some((row) => row.feeNoticeOn) ? <th>收费</th> : null}
            </tr>
          </thead>
          <tbody>
            {result.cases.map((row) => (
              <tr key={row.countedId} data-testid={`cell-case-${row.caseNumber}`}>
                <td>
                  <Link href={`/cases/${row.applicationId}`}>{row.caseNumber}</Link>
                </td>
                <td>
                  {row.applicantName} <span className="muted">{APPLICANT_TYPE_LABELS[row.applicantType]}</span>
                </td>
                <td className="nowrap">{row.receivedOn}</td>
                <td className="nowrap">{row.closedOn ?? "未办结"}</td>
                <td>{row.outcome ? OUTCOME_LABELS[row.outcome] : ""}</td>
                {result.cases.some((item) => item.proceeding) ? (
                  <td>
                    {row.proceeding
                      ? `${PROCEEDING_KIND_LABELS[row.proceeding.kind]} ${row.proceeding.filedOn} · ${row.proceeding.result ? `${PROCEEDING_RESULT_LABELS[row.proceeding.result]} ${row.proceeding.decidedOn}` : "未审结"}`
                      : ""}
                  </td>
                ) : null}
                {result.cases.some((item) => item.feeNoticeOn) ? (
                  <td>{row.feeNoticeOn ? `通知 ${row.feeNoticeOn} ${row.feeAmount} 元${row.feePaidOn ? `；缴费 ${row.feePaidOn} ${row.feePaidAmount} 元` : ""}` : ""}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
