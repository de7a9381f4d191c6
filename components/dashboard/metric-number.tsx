// A case count on the dashboards. With a link, it opens the case list showing exactly those cases and
// carries data-testid="metric-<name>" and data-href (a browser test compares the number with the
// list's total); without one (the list lacks the filter yet), it is plain text that says so.
import Link from "next/link";
import type { CaseCountMetric } from "@/lib/dashboard/queries";
import styles from "./dashboard.module.css";

export function MetricNumber({ name, metric, description }: { name: string; metric: CaseCountMetric; description?: string }) {
  if (metric.href) {
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
  return (
    <span className={styles.metricPlain} data-testid={`figure-${name}`} title="案件台账暂不支持按此条件筛选，暂不能查看明细">
      {metric.count}
    </span>
  );
}
