// 办理结果: the six groups of table 三 as bars, and the 21 rows of the table with their counts.
import type { OutcomeGroupRow } from "@/lib/dashboard/queries";
import { BarList } from "./bar-list";
import { MetricNumber } from "./metric-number";
import styles from "./dashboard.module.css";

const groupKey = (index: number) => `group-${index + 1}`;

export function OutcomeChart({ outcomes, closedTotal }: { outcomes: OutcomeGroupRow[]; closedTotal: number }) {
  return (
    <div className={styles.outcomeLayout}>
      <BarList
        label="按办理结果分组"
        name="outcome"
        tone="outcome"
        total={closedTotal}
        rows={outcomes.map((group, index) => ({ key: groupKey(index), label: group.label, metric: group.total }))}
      />
      <div className="table-wrap">
        <table className={`table ${styles.leafTable}`}>
          <caption className="muted" style={{ textAlign: "left", captionSide: "top", paddingBottom: 4 }}>
            按年报表三的行
          </caption>
          <tbody>
            {outcomes.map((group) =>
              group.leaves.length === 1 ? (
                <tr key={group.label} className={styles.leafGroup}>
                  <th scope="row">{group.label}</th>
                  <td className="number">
                    <MetricNumber name={`outcome-${group.leaves[0]!.key}`} metric={group.leaves[0]!.metric} description={group.label} />
                  </td>
                </tr>
              ) : (
                [
                  <tr key={group.label} className={styles.leafGroup}>
                    <th scope="rowgroup" colSpan={2}>
                      {group.label}
                    </th>
                  </tr>,
                  ...group.leaves.map((leaf) => (
                    <tr key={leaf.key}>
                      <td style={{ paddingLeft: 20 }}>{leaf.label}</td>
                      <td className="number">
                        <MetricNumber name={`outcome-${leaf.key}`} metric={leaf.metric} description={leaf.label} />
                      </td>
                    </tr>
                  )),
                ]
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
