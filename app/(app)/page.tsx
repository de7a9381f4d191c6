import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { getWorkbench } from "@/lib/dashboard/queries";
import { todayInShanghai } from "@/lib/today";
import { DASHBOARD_PATH } from "@/lib/dashboard/period";
import { PageHeader } from "@/components/ui/page-header";
import { WorkbenchList } from "@/components/dashboard/workbench-list";
import { findPendingExtensionRequests } from "@/lib/extensions/queries";
import { PendingExtensionsPanel } from "@/components/extensions/pending-extensions-panel";
import styles from "@/components/dashboard/dashboard.module.css";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkbenchPage() {
  const actor = await requireActor();
  const today = todayInShanghai();
  const workbench = await getWorkbench({ actor, today, calendar: await loadWorkCalendar() });
  const canSeeDashboard = can(actor, "dashboard:view");
  const pendingExtensions = await findPendingExtensionRequests({ actor });

  return (
    <div className="page">
      <PageHeader
        title="工作台"
        subtitle={`${actor.displayName}（${ROLE_LABELS[actor.role]}），您好 · 今天 ${today}`}
        actions={
          <>
            <Link className="button" href="/cases?handler=me&status=OPEN">
              我的在办案件
            </Link>
            <Link className="button primary" href="/cases/new">
              登记申请
            </Link>
          </>
        }
      />
      {canSeeDashboard ? (
        <div className={`card ${styles.dashboardLink}`}>
          <span>查看本单位在办、逾期、办结和按期办结率等统计，以及各经办人的工作量。</span>
          <Link className="button" href={DASHBOARD_PATH} data-testid="workbench-dashboard-link">
            统计分析
          </Link>
        </div>
      ) : null}
      {pendingExtensions ? <PendingExtensionsPanel requests={pendingExtensions} currentUserId={actor.userId} /> : null}
      {workbench.unassigned ? (
        <WorkbenchList
          name="unassigned"
          title="未分配"
          hint="本单位尚未指定经办人的在办案件（如导入的案件）：请在案件页“改派”中指定经办人"
          dateLabel="答复期限"
          pastText="已逾期"
          list={workbench.unassigned}
          emptyText="没有未分配经办人的在办案件"
        />
      ) : null}
      <p className="muted" style={{ margin: 0 }}>
        以下为由您经办、尚未办结的案件中需要处理的事项；剩余天数均按工作日计算。
      </p>
      <div className={styles.workbenchGrid}>
        <WorkbenchList
          name="overdue"
          title="已逾期"
          dateLabel="答复期限"
          pastText="已逾期"
          list={workbench.overdue}
          emptyText="没有逾期案件"
        />
        <WorkbenchList
          name="due-soon"
          title="即将到期"
          hint="剩余 5 个工作日以内"
          dateLabel="答复期限"
          list={workbench.dueSoon}
          emptyText="5 个工作日内没有到期的案件"
        />
        <WorkbenchList
          name="correction-notices"
          title="补正告知期限"
          hint="如需申请人补正，应在收到申请后 7 个工作日内一次性告知"
          dateLabel="最晚告知日期"
          list={workbench.correctionNotices}
          emptyText="没有处于补正告知期限内的案件"
        />
        <WorkbenchList
          name="fee-payments"
          title="缴费期限"
          hint="已发收费通知、尚未缴费；期限届满未缴费的，可按“逾期未缴纳费用”办结"
          dateLabel="缴费期限"
          pastText="已过期"
          list={workbench.feePayments}
          emptyText="没有等待缴费的案件"
          note={(line) => (line.workdaysLeft !== null && line.workdaysLeft < 0 ? <span className="muted"> 可办结</span> : null)}
        />
        <WorkbenchList
          name="consultations"
          title="征求意见答复期限"
          hint="征求第三方或其他机关意见，答复期限为 15 个工作日"
          dateLabel="答复期限"
          pastText="已届满"
          list={workbench.consultations}
          emptyText="没有征求意见中的案件"
        />
        <WorkbenchList
          name="awaiting-correction"
          title="等待补正"
          hint="已发出补正告知、停止计时，等待申请人补正；收到补正材料后请登记“收到补正”"
          dateLabel="告知日期"
          pastText="已等待"
          daysLeft={false}
          list={workbench.awaitingCorrection}
          emptyText="没有等待补正的案件"
        />
      </div>
    </div>
  );
}
