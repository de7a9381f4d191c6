// One list of the 工作台: the actor's cases with the date that matters and the working days left.
// Each line opens the case; the count opens the case list when the list can show exactly these cases.
import { Link } from "@/components/link";
import type { ReactNode } from "react";
import type { WorkbenchLine, WorkbenchList as WorkbenchListData } from "@/lib/dashboard/queries";
import styles from "./dashboard.module.css";


function DaysLeft({ line, pastText }: { line: WorkbenchLine; pastText: string }) {
  if (line.workdaysLeft === null) return <span className="muted">停止计时</span>;
  if (line.workdaysLeft < 0) return <span className="badge danger">{`${pastText} ${-line.workdaysLeft} 个工作日`}</span>;
  if (line.workdaysLeft === 0) return <span className="badge warning">今天到期</span>;
  return <span className={`badge ${line.workdaysLeft <= 2 ? "warning" : "info"}`}>剩 {line.workdaysLeft} 个工作日</span>;
}

export function WorkbenchList({
  name,
  title,
  hint,
  dateLabel,
  pastText = "已过",
  list,
  emptyText,
  note,
  daysLeft = true,
}: {
  name: string;
  title: string;
  hint?: string;
  dateLabel: string;
  pastText?: string;
  list: WorkbenchListData;
  emptyText: string;
  note?: (line: WorkbenchLine) => ReactNode;
  /** false: the date is one in the past (e.g. the day a 补正 notice went out); the column shows the working days since. */
  daysLeft?: boolean;
}) {
  return (
    <section className="card" aria-labelledby={`workbench-${name}`} data-testid={`workbench-${name}`}>
      <div className={styles.listTitle}>
        <h2 id={`workbench-${name}`}>{title}</h2>
        <span className="muted">
          共{" "}
          {list.href ? (
            <Link href={list.href} className={styles.metricLink} data-testid={`metric-workbench-${name}`} data-href={list.href} title="在案件台账中查看">
              {list.total}
            </Link>
          ) : (
            <strong>{list.total}</strong>
          )}{" "}
          件
        </span>
      </div>
      {hint ? <p className={styles.listHint}>{hint}</p> : null}
      {list.lines.length === 0 ? (
        <p className={styles.empty}>{emptyText}</p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.lineTable}`}>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">申请人</th>
                <th scope="col">{dateLabel}</th>
                <th scope="col">{daysLeft ? "剩余" : "已过"}</th>
              </tr>
            </thead>
            <tbody>
              {list.lines.map((line) => (
                <tr key={line.id}>
                  <td className="nowrap">
                    <Link href={`/cases/${line.id}`}>{line.caseNumber}</Link>
                  </td>
                  <td className={styles.applicant} title={line.applicantName}>
                    {line.applicantName}
                  </td>
                  <td className="nowrap">
                    {line.date ?? "—"}
                    {line.provisional ? <span className="muted">（暂定）</span> : null}
                  </td>
                  <td className="nowrap">
                    {daysLeft ? (
                      <DaysLeft line={line} pastText={pastText} />
                    ) : line.workdaysLeft !== null ? (
                      <span className="badge info">{`${pastText} ${Math.max(0, -line.workdaysLeft)} 个工作日`}</span>
                    ) : null}
                    {note ? note(line) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.total > list.lines.length ? (
        <p className={styles.more}>
          仅列出前 {list.lines.length} 件
          {list.href ? (
            <>
              ，<Link href={list.href}>在案件台账中查看全部</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
