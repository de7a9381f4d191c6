// The headline figures: open cases now, the period's intake and closings, on-time rate and closing time.
import type { ManagerDashboard } from "@/lib/dashboard/queries";
import { MetricNumber } from "./metric-number";
import styles from "./dashboard.module.css";

const formatWorkdays = (value: number | null) => (value === null ? "—" : String(Math.round(value * 10) / 10));

export function KpiTiles({ dashboard }: { dashboard: ManagerDashboard }) {
  const { period } = dashboard;
  return (
    <section className={styles.tiles} aria-label="主要指标">
      <div className={styles.tile}>
        <span className={styles.tileLabel}>在办案件</span>
        <span className={styles.tileValue}>
          <MetricNumber name="open" metric={dashboard.openNow} description="全部在办案件" />
          <span className={styles.unit}>件</span>
        </span>
        <span className={styles.tileNote}>截至今天</span>
      </div>
      <div className={`${styles.tile} ${styles.tileWarning}`}>
        <span className={styles.tileLabel}>即将到期</span>
        <span className={styles.tileValue}>
          <MetricNumber name="due-soon" metric={dashboard.dueSoon} description="剩余 5 个工作日以内" />
          <span className={styles.unit}>件</span>
        </span>
        <span className={styles.tileNote}>剩余 5 个工作日以内</span>
      </div>
      <div className={`${styles.tile} ${styles.tileDanger}`}>
        <span className={styles.tileLabel}>已逾期</span>
        <span className={styles.tileValue}>
          <MetricNumber name="overdue" metric={dashboard.overdue} description="超过答复期限仍未办结" />
          <span className={styles.unit}>件</span>
        </span>
        <span className={styles.tileNote}>超过答复期限仍未办结</span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>{period.label}收到申请</span>
        <span className={styles.tileValue}>
          <MetricNumber name="received" metric={dashboard.received} description={`${period.label}收到`} />
          <span className={styles.unit}>件</span>
        </span>
        <span className={styles.tileNote}>按收到申请日期</span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>{period.label}办结</span>
        <span className={styles.tileValue}>
          <MetricNumber name="closed" metric={dashboard.closed} description={`${period.label}办结`} />
          <span className={styles.unit}>件</span>
        </span>
        <span className={styles.tileNote}>按办结日期</span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>按期办结率</span>
        <span className={styles.tileValue}>
          {dashboard.onTimeRate === null ? "—" : dashboard.onTimeRate}
          {dashboard.onTimeRate === null ? null : <span className={styles.unit}>%</span>}
        </span>
        <span className={styles.tileNote}>
          按期 <MetricNumber name="on-time" metric={dashboard.onTime} /> 件 · 逾期 <MetricNumber name="late" metric={dashboard.late} /> 件
        </span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>办理用时中位数</span>
        <span className={styles.tileValue}>
          {formatWorkdays(dashboard.workdaysToClose.median)}
          <span className={styles.unit}>个工作日</span>
        </span>
        <span className={styles.tileNote}>扣除停止计时，{dashboard.workdaysToClose.cases} 件</span>
      </div>
      <div className={styles.tile}>
        <span className={styles.tileLabel}>办理用时 P90</span>
        <span className={styles.tileValue}>
          {formatWorkdays(dashboard.workdaysToClose.p90)}
          <span className={styles.unit}>个工作日</span>
        </span>
        <span className={styles.tileNote}>90% 的案件在此之内办结</span>
      </div>
    </section>
  );
}
