// 经办人工作量: open cases now (due soon, overdue) and closings in the period, per handler.
import type { WorkloadRow } from "@/lib/dashboard/queries";
import { MetricNumber } from "./metric-number";
import styles from "./dashboard.module.css";

export function WorkloadTable({ rows, periodLabel }: { rows: WorkloadRow[]; periodLabel: string }) {
  if (rows.length === 0) return <p className={styles.empty}>暂无经办人</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">经办人</th>
            <th scope="col" className="number">在办</th>
            <th scope="col" className="number">即将到期</th>
            <th scope="col" className="number">已逾期</th>
            <th scope="col" className="number">{periodLabel}办结</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = row.handlerId ?? "none";
            return (
              <tr key={key}>
                <th scope="row" style={{ fontWeight: 400, background: "transparent" }}>
                  {row.name}
                  {row.active ? null : <span className={styles.inactive}>（已停用）</span>}
                </th>
                <td className="number">
                  <MetricNumber name={`workload-${key}-open`} metric={row.open} description={`${row.name}在办`} />
                </td>
                <td className="number">
                  <MetricNumber name={`workload-${key}-due-soon`} metric={row.dueSoon} description={`${row.name}即将到期`} />
                </td>
                <td className="number">
                  <MetricNumber name={`workload-${key}-overdue`} metric={row.overdue} description={`${row.name}已逾期`} />
                </td>
                <td className="number">
                  <MetricNumber name={`workload-${key}-closed`} metric={row.closed} description={`${row.name}${periodLabel}办结`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
