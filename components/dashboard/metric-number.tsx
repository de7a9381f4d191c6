// A case count on the dashboards: a link to the case list showing exactly those cases, with
// data-testid="metric-<name>" and data-href (a browser test compares the number with the list's total).
import { Link } from "@/components/link";
import type { CaseCountMetric } from "@/lib/dashboard/queries";
import styles from "./dashboard.module.css";

export function MetricNumber({ name, metric, description }: { name: string; metric: CaseCountMetric; description?: string }) {
  return (
    <Link
      href={metric.href}
      className={styles.metricLink}
      data-testid={`metric-${name}`}
      data-href={metric.href}
      title={description ? `查看这 ${metric.count} 件案件：${description}` : `查看这 ${metric.count} 件案件`}
    >
      {metric.count}
    </Link>
  );
}
