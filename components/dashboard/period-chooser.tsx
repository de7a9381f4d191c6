// 本月 / 本年 / 选择年份. Plain links and a GET form: the period lives in the URL and works without JavaScript.
import { Link } from "@/components/link";
import { dashboardHref, DASHBOARD_PATH, type DashboardPeriod } from "@/lib/dashboard/period";
import styles from "./dashboard.module.css";

export function PeriodChooser({ period, years, today }: { period: DashboardPeriod; years: number[]; today: string }) {
  const thisYear = Number(today.slice(0, 4));
  const pastYears = years.filter((year) => year < thisYear);
  return (
    <div className={styles.periodBar}>
      <nav className={`${styles.periodLinks} no-print`} aria-label="统计期间">
        <Link href={dashboardHref("month")} className="button small" aria-current={period.kind === "month" ? "page" : undefined}>
          本月
        </Link>
        <Link href={dashboardHref("year")} className="button small" aria-current={period.kind === "year" ? "page" : undefined}>
          本年
        </Link>
      </nav>
      {pastYears.length > 0 ? (
        <form method="get" action={DASHBOARD_PATH} className={`${styles.yearForm} no-print`}>
          <label htmlFor="dashboard-year">往年</label>
          <select id="dashboard-year" name="period" defaultValue={period.kind === "chosenYear" ? period.param : String(pastYears[0])}>
            {pastYears.map((year) => (
              <option key={year} value={year}>
                {year}年
              </option>
            ))}
          </select>
          <button type="submit" className="button small">
            查看
          </button>
        </form>
      ) : null}
      <span className={styles.asOf}>
        统计期间：<strong>{period.label}</strong>（{period.from} 至 {period.to}）· 在办情况截至 {today}
      </span>
    </div>
  );
}
