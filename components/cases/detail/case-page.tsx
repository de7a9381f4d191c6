import type { ApplicationDetail } from "@/lib/cases/case-detail";
import { isoDateFromDb } from "@/lib/calendar/queries";
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CLOCK_PHASE_LABELS,
  FEE_METHOD_LABELS,
  OUTCOME_GROUPS,
  OUTCOME_LABELS,
} from "@/lib/cases/labels";
import { PageHeader } from "@/components/ui/page-header";
import { DueBadge } from "./due-badge";
import { StepPanel } from "./step-panel";
import { Timeline } from "./timeline";
import { Proceedings } from "./proceedings";
import { ReassignForm } from "./reassign-form";
import styles from "./case-page.module.css";

interface Props {
  detail: ApplicationDetail;
  today: string;
  handlers: { id: string; displayName: string }[];
  canReassign: boolean;
  justRegistered: boolean;
}

export function CasePage({ detail, today, handlers, canReassign, justRegistered }: Props) {
  const { application, projection } = detail;
  const receivedOn = isoDateFromDb(application.receivedOn);
  return (
    <div className="page">
      <PageHeader
        title={`案件 ${application.caseNumber}`}
        subtitle={
          <span className="row">
            <span className="badge info" data-testid="case-phase">
              {CLOCK_PHASE_LABELS[projection.clockPhase]}
            </span>
            <DueBadge projection={projection} dueStatus={detail.dueStatus} />
            <span className="muted">
              收到 {receivedOn} · {CHANNEL_LABELS[application.channel]} · 经办人 {application.handler?.displayName ?? "未分配"}
            </span>
          </span>
        }
      />
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
          </section>

          <section className="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading">办理步骤</h2>
            <StepPanel
              applicationId={application.id}
              steps={detail.nextSteps}
              today={today}
              receivedOn={receivedOn}
              projection={projection}
              fee={detail.fee}
              requestContent={application.requestContent}
            />
          </section>

          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">办理记录</h2>
            <Timeline applicationId={application.id} receivedOn={receivedOn} events={detail.events} today={today} />
          </section>

          <section className="card" aria-labelledby="proceedings-heading">
            <h2 id="proceedings-heading">行政复议、行政诉讼</h2>
            <Proceedings
              applicationId={application.id}
              proceedings={detail.proceedings.map((proceeding) => ({
                id: proceeding.id,
                kind: proceeding.kind,
                route: proceeding.route,
                reconsiderationId: proceeding.reconsiderationId,
                onlyCoDefendantAsReviewOrgan: proceeding.onlyCoDefendantAsReviewOrgan,
                filedOn: isoDateFromDb(proceeding.filedOn),
                result: proceeding.result,
                decidedOn: proceeding.decidedOn ? isoDateFromDb(proceeding.decidedOn) : null,
                resultDetail: proceeding.resultDetail,
                notes: proceeding.notes,
              }))}
            />
          </section>
        </div>

        <aside className="stack">
          <section className="card">
            <h2>申请人</h2>
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
                {OUTCOME_GROUPS[projection.outcome]} · {OUTCOME_LABELS[projection.outcome]}
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
          {canReassign ? (
            <section className="card">
              <h2>经办人</h2>
              <ReassignForm applicationId={application.id} handlerId={application.handlerId} handlers={handlers} />
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
