import { Link } from "@/components/link";
import type { ReportWorkspace } from "@/lib/reports/publication";
import type { DataQualityIssue } from "@/lib/reports/data-quality";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { FEE_KEYS, FEE_LABELS, REPORT_FORMAT_LABELS, feesCellId } from "@/lib/reports/definitions";
import { appealsGrid, applicationsGrid } from "@/lib/reports/layout";
import { SECTION_TITLES } from "@/lib/reports/document";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { ReportGrid } from "./report-grid";
import { ReportDraftForm } from "./report-draft-form";
import { PublishForm } from "./publish-form";
import { CarryOverBasisNote } from "@/components/opening-balance/carry-over-basis-note";
import type { CarryOverBasis } from "@/lib/reports/opening-balance";
import styles from "./reports.module.css";

interface Props {
  workspace: ReportWorkspace;
  dataQuality: DataQualityIssue[];
  organizationName: string;
  canEdit: boolean;
  placeholderValues: Record<string, string>;
  /** What check 3 compares 二 with (rules.md §7). */
  carryOverBasis: CarryOverBasis;
}

export function ReportPage({ workspace, dataQuality, organizationName, canEdit, placeholderValues, carryOverBasis }: Props) {
  const { year, format, report, latestPublished, differences } = workspace;
  const query = `?format=${format}`;
  const cellHref = (cellId: string) => `/reports/${year}/cells/${encodeURIComponent(cellId)}${query}`;
  const failing = report.checks.filter((check) => !check.ok);
  return (
    <div className="page">
      <PageHeader
        title={`${organizationName}${year}年政府信息公开工作年度报告`}
        subtitle={
          <span className="row">
            {latestPublished ? (
              <span className="badge success" data-testid="report-status">
                已发布第 {latestPublished.version} 版（{formatDateTime(latestPublished.publishedAt)}）
              </span>
            ) : (
              <span className="badge" data-testid="report-status">
                草稿，尚未发布
              </span>
            )}
            <span className="muted">{REPORT_FORMAT_LABELS[format]}</span>
            <Link href="/help#counting">统计口径说明</Link>
          </span>
        }
        actions={
          <div className={styles.toolbar}>
            <Link className="button small" href={`/reports/${year - 1}`}>
              ‹ {year - 1}
            </Link>
            <Link className="button small" href={`/reports/${year + 1}`}>
              {year + 1} ›
            </Link>
            <Link className="button small" href={`/reports/${year}?format=${format === "2021" ? "2019" : "2021"}`} data-testid="switch-format">
              切换为 {format === "2021" ? "2019" : "2021"} 年格式
            </Link>
            <a className="button small" href={`/reports/${year}/export${query}&type=xlsx`} data-testid="download-xlsx">
              下载 Excel
            </a>
            <a className="button small" href={`/reports/${year}/export${query}&type=docx`} data-testid="download-docx">
              下载 Word
            </a>
            <Link className="button small" href="/reports/check">
              核对其他报告
            </Link>
          </div>
        }
      />

      <section className="card" aria-labelledby="checks-heading">
        <h2 id="checks-heading">核对（{failing.length === 0 ? "全部通过" : `${failing.length} 项未通过`}）</h2>
        <ul className={styles.checks} data-testid="report-checks">
          {report.checks.map((check) => (
            <li key={`${check.rule}-${check.detail}`}>
              <span className={`badge ${check.ok ? "success" : "danger"}`}>{check.ok ? "通过" : "未通过"}</span>
              <span>{check.detail}</span>
            </li>
          ))}
        </ul>
        <CarryOverBasisNote basis={carryOverBasis} />
      </section>

      <section className="card" aria-labelledby="quality-heading">
        <h2 id="quality-heading">数据质量</h2>
        <ul className={styles.checks} data-testid="data-quality">
          {dataQuality.map((issue) => (
            <li key={issue.key} id={`quality-${issue.key}`} data-testid={`quality-${issue.key}`}>
              <span className={`badge ${issue.count === 0 ? "success" : "warning"}`}>{issue.count === 0 ? "无" : `${issue.count} 件`}</span>
              <span>
                <strong>{issue.title}</strong> <span className="muted">{issue.explanation}</span>{" "}
                {issue.cases.map((item) => (
                  <Link key={item.id + item.note} href={`/cases/${item.id}`} title={item.note} style={{ marginRight: 6 }}>
                    {item.caseNumber}
                  </Link>
                ))}
                {issue.listHref && issue.count > 0 ? <Link href={issue.listHref}>全部</Link> : null}
                {issue.count > issue.pageSize ? (
                  <DataTablePagination
                    page={issue.page}
                    pageSize={issue.pageSize}
                    total={issue.count}
                    pageHref={(page) => `/reports/${year}${query}&quality=${encodeURIComponent(issue.key)}&qualityPage=${page}#quality-${issue.key}`}
                  />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </section>

      {differences ? (
        <section className="card" aria-labelledby="diff-heading">
          <h2 id="diff-heading">与已发布第 {latestPublished?.version} 版的差异</h2>
          {differences.length === 0 ? (
            <p className="muted" data-testid="report-differences-none">
              当前数字与已发布版本一致。
            </p>
          ) : (
            <table className={`table ${styles.differences}`} data-testid="report-differences">
              <thead>
                <tr>
                  <th>项目</th>
                  <th className="number">已发布</th>
                  <th className="number">当前</th>
                  <th>变动的案件</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((difference) => (
                  <tr key={difference.cell} data-testid={`difference-${difference.cell}`}>
                    <td>{difference.description}</td>
                    <td className="number">{difference.published}</td>
                    <td className="number">{difference.current}</td>
                    <td>
                      {difference.addedCaseIds.length > 0 ? `新增 ${difference.addedCaseIds.length} 件` : ""}
                      {difference.addedCaseIds.length > 0 && difference.removedCaseIds.length > 0 ? "；" : ""}
                      {difference.removedCaseIds.length > 0 ? `移出 ${difference.removedCaseIds.length} 件` : ""}{" "}
                      <Link href={cellHref(difference.cell)}>查看当前案件</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}

      <ReportDraftForm
        year={year}
        format={format}
        draft={workspace.draft}
        placeholderValues={placeholderValues}
        canEdit={canEdit}
        statisticalTables={
          <>
            <section className="card" aria-labelledby="table3-heading">
              <h2 id="table3-heading">{SECTION_TITLES.applications}</h2>
              <ReportGrid grid={applicationsGrid(format, report.applications)} cellHref={cellHref} testId="table-applications" />
            </section>

            <section className="card" aria-labelledby="table4-heading">
              <h2 id="table4-heading">{SECTION_TITLES.appeals}</h2>
              <ReportGrid grid={appealsGrid(report.appeals)} cellHref={cellHref} testId="table-appeals" />
            </section>
          </>
        }
        feeFigures={
          <div className={styles.fees} data-testid="report-fees" aria-label="信息处理费">
            {FEE_KEYS.map((key) => (
              <div key={key}>
                <span className="muted">{FEE_LABELS[key]}</span>
                {report.fees[key] !== 0 && report.fees[key] !== "0.00" ? (
                  <Link href={cellHref(feesCellId(key))} data-testid={`cell-fees.${key}`}>
                    <strong>{report.fees[key]}</strong>
                  </Link>
                ) : (
                  <strong>{report.fees[key]}</strong>
                )}
              </div>
            ))}
          </div>
        }
      />

      {canEdit ? (
        <section className="card no-print" aria-labelledby="publish-heading">
          <h2 id="publish-heading">发布</h2>
          <PublishForm
            year={year}
            format={format}
            publishedVersion={latestPublished?.version ?? null}
            draftVersion={workspace.draft.version}
            checksPass={failing.length === 0}
          />
          {workspace.versions.length > 0 ? (
            <ul className={styles.checks} data-testid="report-versions">
              {workspace.versions.map((version) => (
                <li key={version.version}>
                  第 {version.version} 版 · {formatDateTime(version.publishedAt)} · {version.publishedBy ?? ""}
                  {version.reason ? ` · 理由：${version.reason}` : ""} ·{" "}
                  <a href={`/reports/${year}/export?format=${version.format}&type=xlsx&version=${version.version}`}>Excel</a>{" "}
                  <a href={`/reports/${year}/export?format=${version.format}&type=docx&version=${version.version}`}>Word</a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
