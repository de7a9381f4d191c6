import { Link } from "@/components/link";
import type { Rollup } from "@/lib/rollup/queries";
import { FEE_KEYS, FEE_LABELS, REPORT_FORMAT_LABELS, feesCellId } from "@/lib/reports/definitions";
import { appealsGrid, applicationsGrid } from "@/lib/reports/layout";
import { SECTION_TITLES } from "@/lib/reports/document";
import { DEPARTMENT_REPORT_DEADLINE, TIMELINESS_LABELS, formatMonthDay } from "@/lib/rollup/deadline";
import { FIGURES_SOURCE_LABELS, memberStatusText } from "@/lib/rollup/labels";
import { PageHeader } from "@/components/ui/page-header";
import { ReportGrid } from "@/components/reports/report-grid";
import styles from "./rollup.module.css";

const TIMELINESS_BADGES = { on_time: "success", late: "danger", not_due: "", overdue: "danger" } as const;

export function RollupPage({ rollup, ownOrganizationCode }: { rollup: Rollup; ownOrganizationCode: string }) {
  const { year, format, organization } = rollup;
  const orgQuery = organization.code === ownOrganizationCode ? "" : `&org=${encodeURIComponent(organization.code)}`;
  const query = `?format=${format}${orgQuery}`;
  const pageHref = (targetYear: number, targetFormat = format, code = organization.code) =>
    `/rollup/${targetYear}?format=${targetFormat}${code === ownOrganizationCode ? "" : `&org=${encodeURIComponent(code)}`}`;
  const cellHref = (cellId: string) => `/rollup/${year}/cells/${encodeURIComponent(cellId)}${query}`;
  const failing = rollup.checks.filter((check) => !check.ok);
  const children = rollup.rows.filter((row) => row.kind === "child");
  const deadline = organization.reportDeadline ?? DEPARTMENT_REPORT_DEADLINE;
  return (
    <div className="page">
      <PageHeader
        title={`${organization.name}${year}年度汇总`}
        subtitle={
          <span className="row">
            {rollup.trail.length > 1 ? (
              <span data-testid="rollup-trail">
                {rollup.trail.map((node, index) => (
                  <span key={node.code}>
                    {index > 0 ? " › " : ""}
                    {index < rollup.trail.length - 1 ? <Link href={pageHref(year, format, node.code)}>{node.name}</Link> : node.name}
                  </span>
                ))}
              </span>
            ) : null}
            <span className="muted">
              本机关及下级单位 · {REPORT_FORMAT_LABELS[format]} · 本机关发布期限 {year + 1} 年{formatMonthDay(deadline)}
            </span>
          </span>
        }
        actions={
          <div className={styles.toolbar}>
            <Link className="button small" href={pageHref(year - 1)}>
              ‹ {year - 1}
            </Link>
            <Link className="button small" href={pageHref(year + 1)}>
              {year + 1} ›
            </Link>
            <Link className="button small" href={pageHref(year, format === "2021" ? "2019" : "2021")}>
              切换为 {format === "2021" ? "2019" : "2021"} 年格式
            </Link>
            <a className="button small" href={`/rollup/${year}/export${query}&type=xlsx`} data-testid="rollup-download-xlsx">
              下载 Excel
            </a>
            <a className="button small" href={`/rollup/${year}/export${query}&type=docx`} data-testid="rollup-download-docx">
              下载 Word
            </a>
          </div>
        }
      />

      <section className="card" aria-labelledby="rollup-status-heading">
        <h2 id="rollup-status-heading">各单位 {year} 年度报告</h2>
        {children.length === 0 ? <p className="muted">本机构没有下级单位，汇总即本机关自身的数字。</p> : null}
        <div className="table-wrap">
          <table className="table" data-testid="rollup-status">
            <thead>
              <tr>
                <th>单位</th>
                <th>状态</th>
                <th>发布期限</th>
                <th>是否按时</th>
                <th>核对</th>
                <th>汇总采用</th>
                <th>下级单位</th>
              </tr>
            </thead>
            <tbody>
              {rollup.rows.map((row) => {
                const { member } = row;
                const code = member.organization.code;
                return (
                  <tr key={code} data-testid={`rollup-row-${code}`}>
                    <td>
                      {member.organization.name}
                      {row.kind === "self" ? <span className="muted">（本机关自身案件）</span> : null}
                    </td>
                    <td data-testid={`rollup-status-${code}`}>
                      <span className={`badge ${member.status.kind === "published" ? "success" : member.status.kind === "draft" ? "info" : ""}`}>
                        {memberStatusText(member.status)}
                      </span>
                    </td>
                    <td className="nowrap">{member.timeliness.dueOn}</td>
                    <td data-testid={`rollup-timeliness-${code}`}>
                      <span className={`badge ${TIMELINESS_BADGES[member.timeliness.kind]}`}>{TIMELINESS_LABELS[member.timeliness.kind]}</span>
                      {"daysLate" in member.timeliness ? <span className="muted"> {member.timeliness.daysLate} 天</span> : null}
                    </td>
                    <td data-testid={`rollup-checks-${code}`}>
                      {member.failingChecks.length === 0 ? (
                        <span className="badge success">通过</span>
                      ) : (
                        <span title={member.failingChecks.map((check) => check.detail).join("\n")}>
                          <span className="badge danger">{member.failingChecks.length} 项未通过</span>
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`badge ${member.source === "published" ? "success" : "warning"}`}>{FIGURES_SOURCE_LABELS[member.source]}</span>
                    </td>
                    <td>
                      {row.descendants > 0 ? (
                        <>
                          <Link href={pageHref(year, format, code)}>{row.descendants} 个单位</Link>
                          {row.descendantIssues.notPublished + row.descendantIssues.checksFailing + row.descendantIssues.late > 0 ? (
                            <span className="muted">
                              （未发布 {row.descendantIssues.notPublished}，核对未通过 {row.descendantIssues.checksFailing}，逾期 {row.descendantIssues.late}）
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {rollup.rows.some((row) => row.member.failingChecks.length > 0) ? (
          <ul className={styles.failures}>
            {rollup.rows.flatMap((row) =>
              row.member.failingChecks.map((check) => (
                <li key={`${row.member.organization.code}-${check.rule}`}>
                  {row.member.organization.name}：{check.detail}
                </li>
              )),
            )}
          </ul>
        ) : null}
      </section>

      <section className="card" aria-labelledby="rollup-checks-heading">
        <h2 id="rollup-checks-heading">汇总数字的核对（{failing.length === 0 ? "全部通过" : `${failing.length} 项未通过`}）</h2>
        <ul className={styles.checks} data-testid="rollup-checks">
          {rollup.checks.map((check) => (
            <li key={check.rule}>
              <span className={`badge ${check.ok ? "success" : "danger"}`}>{check.ok ? "通过" : "未通过"}</span>
              <span>{check.detail}</span>
            </li>
          ))}
        </ul>
        <p className="muted" data-testid="rollup-sources">
          汇总采用已发布版本的单位 {rollup.sources.published} 个，采用当前数字的 {rollup.sources.current + rollup.sources.current_other_format} 个（尚未发布，数字可能变化）。
          点击数字查看各单位的数字。
        </p>
      </section>

      <section className="card" aria-labelledby="rollup-table3-heading">
        <h2 id="rollup-table3-heading">{SECTION_TITLES.applications}</h2>
        <ReportGrid grid={applicationsGrid(format, rollup.combined.applications)} cellHref={cellHref} testId="rollup-table-applications" />
      </section>

      <section className="card" aria-labelledby="rollup-table4-heading">
        <h2 id="rollup-table4-heading">{SECTION_TITLES.appeals}</h2>
        <ReportGrid grid={appealsGrid(rollup.combined.appeals)} cellHref={cellHref} testId="rollup-table-appeals" />
      </section>

      <section className="card" aria-labelledby="rollup-fees-heading">
        <h2 id="rollup-fees-heading">六、信息处理费</h2>
        <div className={styles.fees} data-testid="rollup-fees">
          {FEE_KEYS.map((key) => (
            <div key={key}>
              <span className="muted">{FEE_LABELS[key]}</span>
              <Link href={cellHref(feesCellId(key))}>
                <strong>{rollup.combined.fees[key]}</strong>
              </Link>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
