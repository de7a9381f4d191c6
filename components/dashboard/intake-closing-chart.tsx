// 收到与办结: two columns per month (a year) or per day (a month). Each column's number opens the
// case list of the cases received (or closed) in that month or on that day.
import { Link } from "@/components/link";
import type { CaseCountMetric, PeriodSeriesRow } from "@/lib/dashboard/queries";
import styles from "./dashboard.module.css";

function Column({ metric, name, description, tone, max }: { metric: CaseCountMetric; name: string; description: string; tone: string | undefined; max: number }) {
  const height = `${(metric.count / max) * 100}%`;
  const value = <span className={styles.barValue}>{metric.count}</span>;
  if (!metric.href) {
    return (
      <span className={`${styles.bar} ${tone}`} style={{ height }} data-testid={`figure-${name}`} title={description}>
        {value}
      </span>
    );
  }
  return (
    <Link
      href={metric.href}
      className={`${styles.bar} ${tone}`}
      style={{ height }}
      data-testid={`metric-${name}`}
      data-href={metric.href}
      title={`${description}：${metric.count} 件（点击查看）`}
      aria-label={`${description} ${metric.count} 件`}
    >
      {value}
    </Link>
  );
}

export function IntakeClosingChart({ series, unit }: { series: PeriodSeriesRow[]; unit: "month" | "day" }) {
  const max = Math.max(1, ...series.flatMap((row) => [row.received.count, row.closed.count]));
  const dense = unit === "day";
  const when = (row: PeriodSeriesRow) => (unit === "month" ? row.label : `${row.from}`);
  return (
    <div className={dense ? styles.dense : undefined}>
      <div className={styles.columns}>
        {series.map((row) => (
          <div key={row.key} className={styles.columnGroup}>
            <Column metric={row.received} name={`received-${row.key}`} description={`${when(row)}收到`} tone={styles.received} max={max} />
            <Column metric={row.closed} name={`closed-${row.key}`} description={`${when(row)}办结`} tone={styles.closed} max={max} />
          </div>
        ))}
      </div>
      <div className={styles.axis} aria-hidden>
        {series.map((row) => (
          <span key={row.key}>{row.label}</span>
        ))}
      </div>
    </div>
  );
}
