import type { ReactNode } from "react";
import type { ApplicationDetail } from "@/lib/cases/case-detail";
import { isoDateFromDb } from "@/lib/calendar/dates";
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CLOCK_PHASE_LABELS,
  FEE_METHOD_LABELS,
} from "@/lib/cases/labels";
import { Link } from "@/components/link";
import { describePublishedReports } from "@/lib/cases/published-reports";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { CaseRecordTabs } from "@/components/audit/case-record-tabs";
import { DueBadge } from "./due-badge";
import { outcomeTitle } from "@/lib/cases/outcome-title";
import { StepPanel } from "./step-panel";
import type { ExtensionRequestView } from "@/lib/extensions/queries";
import { Timeline } from "./timeline";
import { Proceedings } from "./proceedings";
import { ReassignForm } from "./reassign-form";
import { RestoreCaseForm, VoidCaseForm } from "./void-form";
import styles from "./case-page.module.css";

interface Props {
  detail: ApplicationDetail;
  today: string;
  handlers: { id: string; displayName: string }[];
  canReassign: boolean;
  /** Managers and administrators void and restore cases. */
  canVoid: boolean;
  justRegistered: boolean;
  /** Back from correcting the registration. */
  justUpdated: boolean;
  /** The 操作记录 tab's content. */
  auditLog: ReactNode;
  /** The letters (文书) and the case file (案卷) sections, rendered below the proceedings. */
  documents?: ReactNode;
  /** Extension requests and who may approve them (docs/decisions/0075). */
  extension: { requests: ExtensionRequestView[]; canApprove: boolean; currentUserId: string; currentUserName: string };
}

export function CasePage({ detail, today, handlers, canReassign, canVoid, justRegistered, justUpdated, auditLog, documents, extension }: Props) {
  const { application, projection } = detail;
  const receivedOn = isoDateFromDb(application.receivedOn);
  const voided = application.voidedAt !== null;
  // Every form of the page carries the version the page was loaded with (docs/decisions/0010).
  const version = application.version;
  return (
    <div className="page">
      <PageHeader
        title={`案件 ${application.caseNumber}`}
        subtitle={
          <span className="row">
            {voided ? (
              <span className="badge danger" data-testid="case-voided">
                已作废
              </span>
            ) : null}
            <span className="badge info" data-testid="case-phase">
              {CLOCK_PHASE_LABELS[projection.clockPhase]}
            </span>
            <DueBadge projection={projection} dueStatus={detail.dueStatus} />
            {extension.requests[0]?.status === "PENDING" && projection.status === "OPEN" && !voided ? (
              <span className="badge warning" data-testid="extension-pending-badge">
                延期待负责人批准
              </span>
            ) : null}
            <span className="muted">
              收到 {receivedOn} · {CHANNEL_LABELS[application.channel]} · 经办人 {application.handler?.displayName ?? "未分配"}
            </span>
          </span>
        }
      />
      {voided ? (
        <div className={`notice error ${styles.voidBanner}`} data-testid="void-banner">
          <span>
            本案已于 {formatDateTime(application.voidedAt!)} 由 {application.voidedBy?.displayName ?? "—"} 作废，理由：{application.voidReason}。
            作废的案件不计入台账、统计、提醒和年度报告，记录保留备查。
          </span>
          {canVoid ? <RestoreCaseForm applicationId={application.id} version={version} /> : null}
        </div>
      ) : null}
      {justUpdated ? (
        <div className="notice success" role="status" data-testid="registration-updated">
          已修改登记信息，答复期限已按修改后的信息重新计算。
          {detail.countedInReports.length > 0
            ? `本案计入已发布的${describePublishedReports(detail.countedInReports)}：已发布的版本不变，报告页显示与当前数据的差异。`
            : ""}
        </div>
      ) : null}
      {justRegistered ? (
        <div className="notice success" role="status">
          已登记，案件编号 {application.caseNumber}。
        </div>
      ) : null}
      {projection.warnings.map((warning) => (
        <div key={warning} className="notice warning" data-testid="case-warning">
          {warning}
        </div>
      ))}

      <CaseRecordTabs auditLog={auditLog}>
      <div className={styles.layout}>
        <div className="stack">
          <section className="card" aria-labelledby="why-heading">
            <h2 id="why-heading">为什么是这一天</h2>
            <ol className={styles.explanation} data-testid="due-explanation">
              {projection.explanation.map((line, index) => (
                <li key={`${line.date}-${index}`}>
                  <span className={styles.explanationDate}>{line.date}</span> {line.text}
                </li>
              ))}
            </ol>
            <p className="muted" style={{ margin: "8px 0 0" }}>
              <Link href="/help#deadlines">期限规则说明（条例第三十条至第三十三条）</Link>
            </p>
          </section>

          <section className="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading">办理步骤</h2>
            <StepPanel
              applicationId={application.id}
              version={version}
              steps={detail.nextSteps}
              today={today}
              receivedOn={receivedOn}
              projection={projection}
              fee={detail.fee}
              requestContent={application.requestContent}
              extension={extension}
            />
          </section>

          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">办理记录</h2>
            <Timeline applicationId={application.id} version={version} receivedOn={receivedOn} events={detail.events} today={today} editable={!voided} />
          </section>

          <section className="card" aria-labelledby="proceedings-heading">
            <h2 id="proceedings-heading">行政复议、行政诉讼</h2>
            <Proceedings
              applicationId={application.id}
              editable={!voided}
              proceedings={detail.proceedings.map((proceeding) => ({
                id: proceeding.id,
                version: proceeding.version,
                kind: proceeding.kind,
                route: proceeding.route,
                reconsiderationId: proceeding.reconsiderationId,
                onlyCoDefendantAsReviewOrgan: proceeding.onlyCoDefendantAsReviewOrgan,
                filedOn: isoDateFromDb(proceeding.filedOn),
                disposition: proceeding.disposition,
                result: proceeding.result,
                decidedOn: proceeding.decidedOn ? isoDateFromDb(proceeding.decidedOn) : null,
                resultDetail: proceeding.resultDetail,
                notes: proceeding.notes,
                instances: proceeding.instances.map((instance) => ({
                  level: instance.level,
                  filedOn: isoDateFromDb(instance.filedOn),
                  disposition: instance.disposition,
                  decidedOn: instance.decidedOn ? isoDateFromDb(instance.decidedOn) : null,
                  note: instance.note,
                })),
              }))}
            />
          </section>
          {documents}
        </div>

        <aside className="stack">
          <section className="card">
            <div className="row" style={{ justifyContent: "space-between" }}>
              <h2>申请人</h2>
              {!voided ? (
                <Link className="button small" href={`/cases/${application.id}/edit`} data-testid="edit-registration">
                  修改登记信息
                </Link>
              ) : null}
            </div>
            <dl className={styles.facts}>
              <dt>类型</dt>
              <dd>{APPLICANT_TYPE_LABELS[application.applicantType]}</dd>
              <dt>姓名或名称</dt>
              <dd data-testid="applicant-name">{application.applicantName}</dd>
              {application.applicantIdNumber ? (
                <>
                  <dt>证件号码</dt>
                  <dd>{application.applicantIdNumber}</dd>
                </>
              ) : null}
              {application.applicantContact ? (
                <>
                  <dt>联系方式</dt>
                  <dd>{application.applicantContact}</dd>
                </>
              ) : null}
              {application.applicantAddress ? (
                <>
                  <dt>通信地址</dt>
                  <dd>{application.applicantAddress}</dd>
                </>
              ) : null}
              {application.agentName ? (
                <>
                  <dt>代理人</dt>
                  <dd>
                    {application.agentName} {application.agentContact ?? ""}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="card">
            <h2>申请内容</h2>
            <p className={styles.request}>{application.requestContent}</p>
            <dl className={styles.facts}>
              <dt>获取方式</dt>
              <dd>{[application.deliveryForm, application.deliveryMethod].filter(Boolean).join(" · ") || "未注明"}</dd>
              <dt>登记人</dt>
              <dd>{application.registeredBy?.displayName ?? "导入"}</dd>
            </dl>
          </section>
          {projection.outcome ? (
            <section className="card">
              <h2>办理结果</h2>
              <p data-testid="case-outcome">
                {outcomeTitle(projection.outcome)}
              </p>
              <p className="muted">办结日期 {projection.closedOn}</p>
            </section>
          ) : null}
          {projection.feeNoticeOn ? (
            <section className="card">
              <h2>信息处理费</h2>
              <dl className={styles.facts}>
                <dt>计收方式</dt>
                <dd>{projection.feeMethod ? FEE_METHOD_LABELS[projection.feeMethod] : "未记录（台账导入）"}</dd>
                <dt>通知</dt>
                <dd>
                  {projection.feeNoticeOn} · {projection.feeAmount ? `${projection.feeAmount} 元` : "金额未记录（台账导入）"}
                </dd>
                <dt>缴费期限</dt>
                <dd>{projection.feePaymentDueOn}</dd>
                <dt>缴费</dt>
                <dd>{projection.feePaidOn ? `${projection.feePaidOn} · ${projection.feePaidAmount ? `${projection.feePaidAmount} 元` : "金额未记录"}` : "未缴"}</dd>
              </dl>
            </section>
          ) : null}
          {canReassign && !voided ? (
            <section className="card">
              <h2>经办人</h2>
              <ReassignForm applicationId={application.id} version={version} handlerId={application.handlerId} handlers={handlers} />
            </section>
          ) : null}
          {canVoid && !voided ? (
            <section className="card" aria-labelledby="void-heading">
              <h2 id="void-heading">作废</h2>
              <VoidCaseForm
                applicationId={application.id}
                version={version}
                publishedReports={detail.countedWithProceedingsInReports.length > 0 ? describePublishedReports(detail.countedWithProceedingsInReports) : null}
              />
            </section>
          ) : null}
        </aside>
      </div>
      </CaseRecordTabs>
    </div>
  );
}
