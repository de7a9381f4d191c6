import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { getManagerDashboard } from "@/lib/dashboard/queries";
import { parseDashboardPeriod } from "@/lib/dashboard/period";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { AppealsTable } from "@/components/dashboard/appeals-table";
import { BarList } from "@/components/dashboard/bar-list";
import { IntakeClosingChart } from "@/components/dashboard/intake-closing-chart";
import { KpiTiles } from "@/components/dashboard/kpi-tiles";
import { OutcomeChart } from "@/components/dashboard/outcome-chart";
import { PeriodChooser } from "@/components/dashboard/period-chooser";
import { PrintButton } from "@/components/dashboard/print-button";
import { WorkloadTable } from "@/components/dashboard/workload-table";
import styles from "@/components/dashboard/dashboard.module.css";

export const metadata: Metadata = { title: "统计分析" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor({ roles: ["MANAGER", "ADMIN"] });
  const today = todayInShanghai();
  const period = parseDashboardPeriod((await searchParams).period, today);
  const dashboard = await getManagerDashboard({ actor, period, today, calendar: await loadWorkCalendar() });

  return (
    <div className={styles.dashboard}>
      <PageHeader
        title="统计分析"
        subtitle={`${actor.organizationName} · ${period.label}`}
        actions={
          <>
            <Link className="button" href="/">
              返回工作台
            </Link>
            <PrintButton />
          </>
        }
      />
      <PeriodChooser period={period} years={dashboard.years} today={today} />
      <KpiTiles dashboard={dashboard} />

      <section className="card" aria-labelledby="intake-title">
        <div className={styles.sectionTitle}>
          <h2 id="intake-title">{period.bucketUnit === "month" ? "每月收到与办结" : "每日收到与办结"}</h2>
          <span className={styles.legend}>
            <span>
              <span className={`${styles.legendSwatch} ${styles.received}`} />
              收到申请
            </span>
            <span>
              <span className={`${styles.legendSwatch} ${styles.closed}`} />
              办结
            </span>
          </span>
        </div>
        <IntakeClosingChart series={dashboard.series} unit={period.bucketUnit} />
      </section>

      <section className="card" aria-labelledby="outcomes-title">
        <div className={styles.sectionTitle}>
          <h2 id="outcomes-title">{period.label}办结案件的办理结果</h2>
          <span className="muted">共 {dashboard.closed.count} 件</span>
        </div>
        <OutcomeChart outcomes={dashboard.outcomes} closedTotal={dashboard.closed.count} />
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="applicants-title">
          <div className={styles.sectionTitle}>
            <h2 id="applicants-title">申请人类型</h2>
            <span className="muted">{period.label}收到</span>
          </div>
          <BarList label="申请人类型" name="applicant" total={dashboard.received.count} rows={dashboard.applicantTypes} />
        </section>
        <section className="card" aria-labelledby="channels-title">
          <div className={styles.sectionTitle}>
            <h2 id="channels-title">申请方式</h2>
            <span className="muted">{period.label}收到</span>
          </div>
          <BarList label="申请方式" name="channel" total={dashboard.received.count} rows={dashboard.channels} />
        </section>
      </div>

      <section className="card" aria-labelledby="workload-title">
        <div className={styles.sectionTitle}>
          <h2 id="workload-title">经办人工作量</h2>
          <span className="muted">在办、到期情况截至今天</span>
        </div>
        <WorkloadTable rows={dashboard.workload} periodLabel={period.label} />
      </section>

      <section className="card" aria-labelledby="appeals-title">
        <div className={styles.sectionTitle}>
          <h2 id="appeals-title">行政复议和行政诉讼</h2>
          <span className="muted">{period.label}提起，按案件计</span>
        </div>
        <AppealsTable rows={dashboard.appeals} />
      </section>

      <section className="card" aria-labelledby="definitions-title">
        <h2 id="definitions-title">统计口径</h2>
        <ul className={styles.definitions}>
          <li>点击数字可打开案件台账，查看构成该数字的全部案件；带虚线的数字暂不能在台账中筛选。</li>
          <li>即将到期：在办且剩余 5 个工作日以内（含当天到期）；已逾期：超过答复期限仍未办结。停止计时（等待补正、征求意见、等待缴费）的案件不计入。</li>
          <li>按期办结率 = 按期办结 ÷（按期办结 + 逾期办结）。只计有答复期限的办结案件：逾期不补正办结的、等待补正期间撤回的不计入。</li>
          <li>
            办理用时：自答复期限起算日（收到申请；补正的，为收到补正之日）次日至办结日的工作日数，扣除征求意见、等待缴费等停止计时的工作日；
            即 20 个工作日加延长天数，减去办结时剩余的工作日。中位数与 P90 按线性插值计算（同 Excel 的 MEDIAN、PERCENTILE.INC）。
          </li>
          <li>办理结果按年报表三的行分组；申请人类型、申请方式按收到申请日期在统计期间内的案件统计。</li>
          <li>行政复议和行政诉讼：按提起日期在统计期间内统计，本机关仅作为复议机关共同被告的诉讼不计入；纠错率 = 结果纠正 ÷ 已审结（维持 + 纠正 + 其他）。</li>
        </ul>
      </section>
    </div>
  );
}
