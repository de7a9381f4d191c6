// Horizontal bars with their counts (applicant types, channels, outcome groups): each count opens the
// case list of exactly those cases.
import type { CaseCountMetric } from "@/lib/dashboard/queries";
import { percentage } from "@/lib/dashboard/metrics";
import { MetricNumber } from "./metric-number";
import styles from "./dashboard.module.css";

export interface BarListRow {
  key: string;
  label: string;
  metric: CaseCountMetric;
}

export function BarList({ rows, name, total, tone = "default", label }: { rows: BarListRow[]; name: string; total: number; tone?: "default" | "outcome"; label: string }) {
  const max = Math.max(1, ...rows.map((row) => row.metric.count));
  return (
    <ul className={styles.barList} aria-label={label}>
      {rows.map((row) => {
        const share = percentage(row.metric.count, total);
        return (
          <li key={row.key} className={styles.barRow}>
            <span className={styles.barLabel} title={row.label}>
              {row.label}
            </span>
            <span className={styles.track} aria-hidden>
              <span className={`${styles.fill} ${tone === "outcome" ? styles.fillOutcome : ""}`} style={{ width: `${(row.metric.count / max) * 100}%` }} />
            </span>
            <span className={styles.barCount}>
              <MetricNumber name={`${name}-${row.key}`} metric={row.metric} description={row.label} />
              {share !== null && row.metric.count > 0 ? <span className={styles.share}>{Math.round(share)}%</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
