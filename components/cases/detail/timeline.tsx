"use client";

import type { CaseEventType } from "@/lib/domain-types";
import { useState, useTransition, type FormEvent } from "react";
import { correctCaseEventAction } from "@/lib/cases/actions";
import { CASE_EVENT_LABELS, FEE_METHOD_LABELS, OUTCOME_LABELS } from "@/lib/cases/labels";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { FieldErrorsProvider, FieldMessage } from "@/components/ui/field-message";
import { StepFields, stepPayload, type StepDetails } from "./step-fields";
import styles from "./case-page.module.css";

export interface TimelineEvent {
  id: string;
  type: CaseEventType;
  occurredOn: string;
  details: StepDetails;
  recordedBy: string | null;
  createdAt: Date;
  superseded: boolean;
  /** Superseded without a replacement. */
  withdrawn: boolean;
  correctionReason: string | null;
}

function summary(event: TimelineEvent): string {
  const details = event.details as Record<string, unknown>;
  switch (event.type) {
    case "CORRECTION_REQUESTED":
      return (
        `补正期限 ${details.deadlineOn ? String(details.deadlineOn) : "未记录"}；事项：${String(details.matters)}` +
        (details.lateReason ? `；逾期告知，理由：${String(details.lateReason)}` : "")
      );
    case "CONSULTATION_SENT":
      return (
        `${details.party === "AGENCY" ? "其他机关" : "第三方"}：${String(details.partyName)}` +
        (details.partyReceivedOn ? `；对方 ${String(details.partyReceivedOn)} 收到` : "")
      );
    case "CONSULTATION_ANSWERED":
      return details.windowExpired ? "期满未答复" : String(details.summary ?? "已答复");
    case "EXTENSION":
      return `延长 ${String(details.workdays)} 个工作日，${String(details.approvedBy)}于 ${String(details.approvedOn)} 批准；理由：${String(details.reason)}`;
    case "FEE_NOTICE": {
      const method = typeof details.method === "string" ? FEE_METHOD_LABELS[details.method as keyof typeof FEE_METHOD_LABELS] : "计收方式未记录";
      const amount = typeof details.amount === "string" ? `${details.amount} 元` : "金额未记录";
      return `${method} ${amount}，申请人 ${String(details.applicantReceivedOn)} 收到`;
    }
    case "FEE_PAID":
      return typeof details.amount === "string" ? `${details.amount} 元` : "金额未记录";
    case "DECISION_SERVED": {
      const items = details.items as { description: string; disposition: keyof typeof OUTCOME_LABELS }[];
      return `${String(details.serviceMethod)}；${items.map((item) => `${item.description}：${OUTCOME_LABELS[item.disposition]}`).join("；")}`;
    }
    case "WITHDRAWN":
      return String(details.reason ?? "");
    default:
      return "";
  }
}

export function Timeline({
  applicationId,
  version,
  receivedOn,
  events,
  today,
  editable,
}: {
  applicationId: string;
  /** The case's version as the page was loaded (a correction of a step changed meanwhile is refused). */
  version: number;
  receivedOn: string;
  events: TimelineEvent[];
  today: string;
  /** False for a voided case: its record is shown, not changed. */
  editable: boolean;
}) {
  const [editing, setEditing] = useState<{ id: string; mode: "correct" | "withdraw" } | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>, target: TimelineEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("correctionReason") ?? "");
    const replacement = editing?.mode === "correct" ? stepPayload(target.type, form) : null;
    startTransition(async () => {
      const outcome = await callAction(correctCaseEventAction(applicationId, target.id, { replacement, reason, version }));
      setResult(outcome);
      if (outcome.ok) setEditing(null);
    });
  }

  return (
    <div className="stack">
      {!editing ? <ActionNotice result={result} /> : null}
      <ol className={styles.timeline} data-testid="timeline">
        <li>
          <div className={styles.eventTitle}>{receivedOn} 收到申请</div>
        </li>
        {events.map((event) => (
          <li key={event.id} className={event.superseded ? styles.superseded : undefined} data-testid={`event-${event.type}`}>
            <div className={styles.eventTitle}>
              {event.occurredOn} {CASE_EVENT_LABELS[event.type]}
            </div>
            <div>{summary(event)}</div>
            <div className={styles.eventMeta}>
              {event.recordedBy ?? "导入"} 登记于 {formatDateTime(event.createdAt)}
              {event.superseded ? ` · ${event.withdrawn ? "已撤销" : "已更正"}，理由：${event.correctionReason ?? ""}` : null}
            </div>
            {editable && !event.superseded && editing?.id !== event.id ? (
              <div className="row">
                <button type="button" className="button link" onClick={() => (setEditing({ id: event.id, mode: "correct" }), setResult(null))}>
                  更正
                </button>
                <button type="button" className="button link" onClick={() => (setEditing({ id: event.id, mode: "withdraw" }), setResult(null))}>
                  撤销
                </button>
              </div>
            ) : null}
            {editing?.id === event.id ? (
              <form className="form" style={{ maxWidth: "none" }} onSubmit={(submitted) => onSubmit(submitted, event)} data-testid="correction-form" noValidate>
                <ActionNotice result={result} />
                {editing.mode === "correct" ? (
                  <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
                  <StepFields
                    type={event.type}
                    today={today}
                    occurredOn={event.occurredOn}
                    details={event.details}
                    perApplicationAmount={Number((event.details as { calculatedAmount?: string }).calculatedAmount ?? 0)}
                    monthlyOrdinal={0}
                    requestContent=""
                  />
                  </FieldErrorsProvider>
                ) : (
                  <p className="muted">撤销后该步骤不再计入办理期限，原记录保留在审计日志中。</p>
                )}
                <div className="field">
                  <label htmlFor={`reason-${event.id}`}>{editing.mode === "correct" ? "更正理由" : "撤销理由"}</label>
                  <input id={`reason-${event.id}`} name="correctionReason" type="text" required />
                  <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
                    <FieldMessage id={`reason-${event.id}`} name="correctionReason" />
                  </FieldErrorsProvider>
                </div>
                <div className="row">
                  <SubmitButton pending={pending}>{editing.mode === "correct" ? "保存更正" : "确认撤销"}</SubmitButton>
                  <button type="button" className="button" onClick={() => setEditing(null)}>
                    取消
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
