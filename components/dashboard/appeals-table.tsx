// 行政复议和行政诉讼: proceedings filed in the period, by result, with the correction rate.
import type { AppealsRow } from "@/lib/dashboard/queries";
import { MetricNumber } from "./metric-number";

export function AppealsTable({ rows }: { rows: AppealsRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col" className="number">结果维持</th>
            <th scope="col" className="number">结果纠正</th>
            <th scope="col" className="number">其他结果</th>
            <th scope="col" className="number">尚未审结</th>
            <th scope="col" className="number">合计</th>
            <th scope="col" className="number" title="结果纠正 ÷ 已审结（维持 + 纠正 + 其他）">纠错率</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = `appeals-${row.kind.toLowerCase()}`;
            return (
              <tr key={row.kind}>
                <th scope="row" style={{ fontWeight: 400, background: "transparent" }}>
                  {row.label}
                </th>
                <td className="number">
                  <MetricNumber name={`${name}-upheld`} metric={row.upheld} />
                </td>
                <td className="number">
                  <MetricNumber name={`${name}-corrected`} metric={row.corrected} />
                </td>
                <td className="number">
                  <MetricNumber name={`${name}-other`} metric={row.other} />
                </td>
                <td className="number">
                  <MetricNumber name={`${name}-pending`} metric={row.pending} />
                </td>
                <td className="number">
                  <MetricNumber name={`${name}-total`} metric={row.total} />
                </td>
                <td className="number">{row.correctionRate === null ? "—" : `${row.correctionRate}%`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
